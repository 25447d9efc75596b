import { useCallback, useEffect, useRef, useState } from "react";
import type { RunSummary } from "../../core/tracking/run-summary";
import type { DamagedRecord } from "../../core/tracking/damaged-record";
import type { RunRecord } from "../../core/tracking/types";
import { DamagedRecords } from "../common/DamagedRecords";
import { useServices } from "../common/services-context";
import type { DeletedRun } from "../../storage/tracking-repo";
import { RunComparison } from "./RunComparison";
import { RunsTable } from "./RunsTable";
import { RunsTransfer } from "./RunsTransfer";
import { useRunList } from "./useRunList";

/** How long Undo stays offered after a delete. */
const UNDO_MS = 15_000;

/** Delete with undo: the run leaves the list at once; Undo puts it back with its artifacts. */
function useDeleteWithUndo(remove: (runId: string) => void, restore: (summary: RunSummary) => void) {
  const { getRepos } = useServices();
  const [last, setLast] = useState<{ summary: RunSummary; deleted: DeletedRun } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const remove_ = useCallback(
    async (summary: RunSummary) => {
      try {
        const deleted = await (await getRepos()).tracking.deleteRun(summary.runId);
        remove(summary.runId);
        setLast({ summary, deleted });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setLast(null), UNDO_MS);
      } catch (error) {
        setProblem((error as Error).message);
      }
    },
    [getRepos, remove],
  );
  const undo = useCallback(async () => {
    if (!last) return;
    await (await getRepos()).tracking.undoDelete(last.deleted);
    restore(last.summary);
    setLast(null);
  }, [getRepos, last, restore]);
  return { last, problem, deleteRun: remove_, undo };
}

/** After the learner downloaded a damaged run: remove it (only while it is still unreadable), then list again. */
function useReplaceDamagedRun(reload: () => void) {
  const { getRepos } = useServices();
  return async (record: DamagedRecord) => {
    await (await getRepos()).runs.discardInvalid(record.key as RunRecord["runId"]);
    reload();
  };
}

/** The full records of the ticked runs, read when Compare is pressed. */
function useCompared() {
  const { getRepos } = useServices();
  const [compared, setCompared] = useState<RunRecord[] | null>(null);
  const compare = useCallback(
    async (ids: string[]) => setCompared(await (await getRepos()).tracking.getRuns(ids)),
    [getRepos],
  );
  return { compared, compare, close: () => setCompared(null) };
}

/** Every tracked run, newest first, windowed; filter, delete with undo, export, import and compare. */
export function RunsPage() {
  const [filterText, setFilterText] = useState("");
  const { all, shown, problem, damaged, load, remove, restore } = useRunList(filterText);
  const replaceDamaged = useReplaceDamagedRun(load);
  const { last, problem: deleteProblem, deleteRun, undo } = useDeleteWithUndo(remove, restore);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { compared, compare } = useCompared();
  const toggle = (runId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });
  const anyProblem = problem ?? deleteProblem;
  return (
    <section className="runs">
      <h1>Runs</h1>
      {anyProblem && (
        <p role="alert" className="notice error">
          {anyProblem}
        </p>
      )}
      <DamagedRecords records={damaged} onReplace={replaceDamaged} />
      <RunsTransfer onImported={load} hasRuns={(all?.length ?? 0) > 0} />
      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter runs"
          placeholder="Filter: words, lesson:<id>, experiment:<id>, backend:wasm, tag:<tag>"
          value={filterText}
          onChange={(event) => setFilterText(event.target.value)}
          className="grow"
        />
        <span className="muted small" aria-live="polite">
          {shown ? `${shown.length} of ${all?.length ?? 0} runs` : "Loading runs…"}
        </span>
        <button type="button" disabled={selected.size < 2} onClick={() => void compare([...selected])}>
          Compare
        </button>
      </div>
      {last && (
        <div role="status" className="notice info">
          Deleted run {last.summary.runId.slice(0, 8)}.{" "}
          <button type="button" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      )}
      <p className="muted small">Tick two or more runs and press Compare to see them side by side.</p>
      <RunsTable
        runs={shown}
        selected={selected}
        onToggle={toggle}
        onDelete={(summary) => void deleteRun(summary)}
        emptyText={all?.length ? "No run matches the filter." : "No runs yet. Run an experiment in a lesson."}
      />
      {compared && compared.length >= 2 && <RunComparison runs={compared} />}
    </section>
  );
}
