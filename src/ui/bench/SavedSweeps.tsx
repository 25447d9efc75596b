import { sweepToCsv } from "../../core/ml/bench-sweep";
import type { BenchmarkSweepRecord } from "../../core/tracking/benchmark-sweep-record";
import { downloadText } from "../common/download";

function fileStem(sweep: BenchmarkSweepRecord): string {
  return `benchmark-sweep-${sweep.createdAt.replace(/[:.]/g, "-")}`;
}

/** Downloads a sweep as JSON (the stored record) or CSV (one line per measured point). */
export function exportSweep(sweep: BenchmarkSweepRecord, format: "json" | "csv"): void {
  if (format === "json") downloadText(`${fileStem(sweep)}.json`, JSON.stringify(sweep, null, 2));
  else downloadText(`${fileStem(sweep)}.csv`, sweepToCsv(sweep.points, sweep.summaries), "text/csv");
}

/** Sweeps saved in this browser, newest first, each with Show and Export. */
export function SavedSweeps({
  sweeps,
  onShow,
}: {
  sweeps: BenchmarkSweepRecord[];
  onShow: (sweep: BenchmarkSweepRecord) => void;
}) {
  return (
    <section aria-label="Saved sweeps">
      <h2>Saved sweeps</h2>
      {sweeps.length === 0 && <p className="muted">None yet: a finished (or stopped) sweep is saved here.</p>}
      <ul className="plain">
        {sweeps.map((sweep) => (
          <li key={sweep.id}>
            <span>
              {new Date(sweep.createdAt).toLocaleString()} · {sweep.scale} · {sweep.backends.join(", ")} ·{" "}
              {sweep.points.length} points
            </span>{" "}
            <button type="button" onClick={() => onShow(sweep)}>
              Show
            </button>{" "}
            <button type="button" onClick={() => exportSweep(sweep, "json")}>
              Export JSON
            </button>{" "}
            <button type="button" onClick={() => exportSweep(sweep, "csv")}>
              Export CSV
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
