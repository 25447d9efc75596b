import { useCallback, useEffect, useState } from "react";
import { formatNumber } from "../../core/grading/compare";
import { exportRuns } from "../../core/tracking/run-export";
import type { DamagedRecord } from "../../core/tracking/damaged-record";
import type { RunRecord } from "../../core/tracking/types";
import { DamagedRecords } from "../common/DamagedRecords";
import { useServices } from "../common/services-context";
import { RunComparison } from "./RunComparison";
import { RunImport } from "./RunImport";

/** The stored runs, newest first, the ones that could not be read (`damaged`); `load` reads them again. */
function useStoredRuns() {
  const { getRepos } = useServices();
  const [runs, setRuns] = useState<RunRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<DamagedRecord[]>([]);
  const load = useCallback(() => {
    getRepos()
      .then((repos) => repos.runs.list())
      .then((list) => {
        setRuns(list.runs);
        setDamaged(list.invalid);
        setProblem(null);
      })
      .catch((error: Error) => setProblem(error.message));
  }, [getRepos]);
  useEffect(load, [load]);
  /** After the learner downloaded a damaged run: remove it (only while it is still unreadable). */
  const replaceDamaged = async (record: DamagedRecord) => {
    await (await getRepos()).runs.discardInvalid(record.key as RunRecord["runId"]);
    load();
  };
  return { runs, problem, damaged, load, replaceDamaged };
}

/** Saves `runs` as an export file (see `exportRuns`) through a temporary download link. */
function downloadRuns(runs: RunRecord[], appVersion: string): void {
  const blob = new Blob([exportRuns(runs, { appVersion })], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `ml-notebook-runs-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Every tracked experiment run, newest first, with export, import and side-by-side comparison. */
export function RunsPage() {
  const { environment } = useServices();
  const { runs, problem, damaged, load, replaceDamaged } = useStoredRuns();
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (runId: string) =>
    setSelected((current) => (current.includes(runId) ? current.filter((id) => id !== runId) : [...current, runId]));
  const compared = (runs ?? []).filter((run) => selected.includes(run.runId));
  return (
    <section className="runs">
      <h1>Runs</h1>
      {problem && (
        <p role="alert" className="notice error">
          {problem}
        </p>
      )}
      <DamagedRecords records={damaged} onReplace={replaceDamaged} />
      <div className="toolbar">
        <button
          type="button"
          onClick={() => downloadRuns(runs ?? [], environment.appVersion)}
          disabled={!runs || runs.length === 0}
        >
          Export runs (JSON)
        </button>
        <RunImport onImported={load} />
      </div>
      <p className="muted small">Tick two or more runs to compare them side by side.</p>
      <RunsTable runs={runs} selected={selected} onToggle={toggle} />
      {compared.length >= 2 && <RunComparison runs={compared} />}
    </section>
  );
}

function RunsTable({
  runs,
  selected,
  onToggle,
}: {
  runs: RunRecord[] | null;
  selected: string[];
  onToggle(runId: string): void;
}) {
  return (
    <table aria-label="Runs" className="results">
      <thead>
        <tr>
          <th scope="col">Compare</th>
          <th scope="col">Finished</th>
          <th scope="col">Lesson / experiment</th>
          <th scope="col">Backend used</th>
          <th scope="col">Seed</th>
          <th scope="col">Dataset</th>
          <th scope="col">Your metrics</th>
          <th scope="col">tfjs metrics</th>
          <th scope="col">max |Δθ|</th>
          <th scope="col">Time (ms)</th>
          <th scope="col">Code</th>
        </tr>
      </thead>
      <tbody>
        {runs?.map((run) => (
          <RunRow
            key={run.runId}
            run={run}
            selected={selected.includes(run.runId)}
            onToggle={() => onToggle(run.runId)}
          />
        ))}
        {runs?.length === 0 && (
          <tr>
            <td colSpan={11} className="muted">
              No runs yet. Run an experiment in a lesson.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function RunRow({ run, selected, onToggle }: { run: RunRecord; selected: boolean; onToggle(): void }) {
  const metrics = (name: string) =>
    Object.entries(run.implementations.find((impl) => impl.name === name)?.metrics ?? {})
      .map(([key, value]) => `${key} ${formatNumber(value)}`)
      .join(", ");
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          checked={selected}
          onChange={onToggle}
          aria-label={`Compare run ${run.runId.slice(0, 8)}`}
        />
      </td>
      <td>{new Date(run.createdAt).toLocaleString()}</td>
      <td>
        {run.lessonId} / {run.experimentId}
      </td>
      <td title={run.backend.skipped.map((s) => `skipped ${s.backend}: ${s.reason}`).join("\n")}>
        {run.backend.used}
        {run.backend.requested !== run.backend.used && ` (asked ${run.backend.requested})`}
      </td>
      <td>{run.seed}</td>
      <td title={run.dataset.sha256}>
        {run.dataset.id}@{run.dataset.version}
      </td>
      <td>{metrics("learner")}</td>
      <td>{metrics("reference")}</td>
      <td>{formatNumber(run.maxAbsThetaDiff)}</td>
      <td>{run.timings.totalMs.toFixed(0)}</td>
      <td title={run.code.sha256}>{run.code.sha256.slice(0, 10)}</td>
    </tr>
  );
}
