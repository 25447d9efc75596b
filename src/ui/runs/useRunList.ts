/**
 * The Runs page's list: the newest runs first (a cursor on the createdAt index
 * gives the first screen at once), then every summary; a filter with a field
 * term (lesson:, experiment:, backend:, tag:) reads that field's index, free
 * words are matched in memory. Stored runs that cannot be read are listed
 * apart (`damaged`), found by the summaries' sync without reading every run.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  compareSummariesNewestFirst,
  isEmptyFilter,
  matchesRunFilter,
  parseRunFilter,
  type FilterField,
  type RunSummary,
} from "../../core/tracking/run-summary";
import type { DamagedRecord } from "../../core/tracking/damaged-record";
import { useServices } from "../common/services-context";

/** Rows read before the rest: more than a screen. */
const FIRST_SCREEN = 60;

const INDEX_OF: Record<FilterField, string> = {
  lesson: "byLesson",
  experiment: "byExperiment",
  backend: "byBackend",
  tag: "byTag",
};

/** All summaries (newest first), loading the first screen before the rest. */
function useAllSummaries() {
  const { getRepos } = useServices();
  const [all, setAll] = useState<RunSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<DamagedRecord[]>([]);
  const generation = useRef(0);
  const load = useCallback(() => {
    const mine = ++generation.current;
    getRepos()
      .then(async ({ tracking }) => {
        const unreadable = await tracking.syncSummaries();
        if (mine === generation.current) setDamaged(unreadable);
        const first = await tracking.newestSummaries(FIRST_SCREEN);
        if (mine !== generation.current) return;
        setAll((current) => (current && current.length > first.length ? current : first));
        const everything = await tracking.newestSummaries();
        if (mine === generation.current) setAll(everything);
      })
      .catch((error: Error) => setProblem(error.message));
  }, [getRepos]);
  useEffect(load, [load]);
  return { all, setAll, problem, damaged, load };
}

/** The summaries that match `filterText`, through an index when the filter names a field. */
function useFiltered(all: RunSummary[] | null, filterText: string) {
  const { getRepos } = useServices();
  const filter = useMemo(() => parseRunFilter(filterText), [filterText]);
  const field = (Object.keys(filter.fields) as FilterField[])[0];
  const [indexed, setIndexed] = useState<{ key: string; ids: Set<string> } | null>(null);
  const indexKey = field ? `${field}:${filter.fields[field]}` : "";
  useEffect(() => {
    if (!field) return;
    let live = true;
    getRepos()
      .then(({ tracking }) => tracking.summariesBy(INDEX_OF[field], filter.fields[field]!))
      .then((found) => live && setIndexed({ key: indexKey, ids: new Set(found.map((s) => s.runId)) }))
      .catch(() => live && setIndexed(null));
    return () => {
      live = false;
    };
  }, [getRepos, field, filter, indexKey]);
  return useMemo(() => {
    if (!all || isEmptyFilter(filter)) return all;
    const ids = field && indexed?.key === indexKey ? indexed.ids : null;
    return all.filter((s) => (!ids || ids.has(s.runId)) && matchesRunFilter(s, filter));
  }, [all, filter, field, indexed, indexKey]);
}

export function useRunList(filterText: string) {
  const { all, setAll, problem, damaged, load } = useAllSummaries();
  const shown = useFiltered(all, filterText);
  /** Takes a run out of the list at once (after a delete). */
  const remove = useCallback((runId: string) => setAll((c) => c?.filter((s) => s.runId !== runId) ?? c), [setAll]);
  /** Puts a summary back (after Undo). */
  const restore = useCallback(
    (summary: RunSummary) => setAll((c) => [...(c ?? []), summary].sort(compareSummariesNewestFirst)),
    [setAll],
  );
  return { all, shown, problem, damaged, load, remove, restore };
}
