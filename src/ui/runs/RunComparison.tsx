import { lazy, Suspense, useState } from "react";
import { comparisonRows } from "../../core/tracking/compare-runs";
import type { RunRecord } from "../../core/tracking/types";

const LossChart = lazy(() => import("../charts/LossChart").then((m) => ({ default: m.LossChart })));
const CodeDiff = lazy(() => import("../editor/CodeDiff").then((m) => ({ default: m.CodeDiff })));

const PALETTE = ["#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2", "#ca8a04", "#db2777"];

/**
 * The selected runs side by side, differing rows marked (same code, data,
 * seed and backend should give the same numbers), their loss curves overlaid,
 * and the code diff of the first two runs whose code differs.
 */
export function RunComparison({ runs }: { runs: RunRecord[] }) {
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const rows = comparisonRows(runs);
  const differing = rows.filter((row) => row.differs).length;
  const shown = onlyDifferences ? rows.filter((row) => row.differs) : rows;
  return (
    <section aria-label="Comparison" className="card">
      <h2>Comparing {runs.length} runs</h2>
      <p className="muted small">
        {differing === 0
          ? "Apart from when they ran and how long they took, these runs agree on every property and metric."
          : `${differing} properties or metrics differ (marked ≠).`}
      </p>
      <label>
        <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} /> Only
        differences
      </label>
      <table aria-label="Differences" className="results">
        <thead>
          <tr>
            <th scope="col">Property</th>
            {runs.map((run) => (
              <th key={run.runId} scope="col">
                run {run.runId.slice(0, 8)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.label} className={row.differs ? "differs" : undefined}>
              <th scope="row">
                {row.differs ? "≠ " : ""}
                {row.label}
              </th>
              {row.values.map((value, index) => (
                <td key={index}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <LossCurves runs={runs} />
      <CodeDifference runs={runs} />
    </section>
  );
}

/** Every selected run's loss curves (yours and tfjs) on one chart. */
function LossCurves({ runs }: { runs: RunRecord[] }) {
  const series = runs.flatMap((run, r) =>
    run.implementations.map((impl) => ({
      name: `run ${run.runId.slice(0, 8)} ${impl.name === "learner" ? "your code" : "tfjs"}`,
      color: PALETTE[r % PALETTE.length],
      history: impl.history,
      dashed: impl.name === "reference",
    })),
  );
  return (
    <section aria-label="Loss curves">
      <h3>Loss curves</h3>
      <Suspense fallback={<p className="muted">Loading chart…</p>}>
        <LossChart label="Loss by step of the selected runs (solid: your code, dashed: tfjs)" series={series} />
      </Suspense>
    </section>
  );
}

function CodeDifference({ runs }: { runs: RunRecord[] }) {
  const first = runs[0];
  const other = runs.find((run) => run.code.sha256 !== first.code.sha256);
  if (!other) return <p className="muted small">All selected runs ran the same code.</p>;
  return (
    <section aria-label="Code diff">
      <h3>
        Code diff: run {first.runId.slice(0, 8)} → run {other.runId.slice(0, 8)}
      </h3>
      <Suspense fallback={<p className="muted">Loading the diff…</p>}>
        <CodeDiff original={first.code.text} modified={other.code.text} label="Code diff" />
      </Suspense>
    </section>
  );
}
