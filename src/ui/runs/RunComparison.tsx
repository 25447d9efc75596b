import { formatNumber, formatValue } from "../../core/grading/compare";
import type { RunRecord } from "../../core/tracking/types";

/** One compared property: its label and how to read it from a run. */
const FIELDS: { label: string; read(run: RunRecord): string }[] = [
  { label: "Lesson / experiment", read: (r) => `${r.lessonId} / ${r.experimentId}` },
  { label: "Finished", read: (r) => new Date(r.createdAt).toLocaleString() },
  { label: "Backend used (asked)", read: (r) => `${r.backend.used} (${r.backend.requested})` },
  {
    label: "WASM threads / adapter",
    read: (r) =>
      [r.backend.threads, r.backend.adapter && `${r.backend.adapter.vendor} ${r.backend.adapter.architecture}`]
        .filter(Boolean)
        .join(" / "),
  },
  { label: "Seed / split", read: (r) => `${r.seed} / test ${r.split.test}, seed ${r.split.seed}` },
  { label: "Dataset", read: (r) => `${r.dataset.id}@${r.dataset.version} ${r.dataset.sha256.slice(0, 12)}` },
  { label: "Code SHA-256", read: (r) => r.code.sha256.slice(0, 16) },
  { label: "Parameters", read: (r) => formatValue(r.params) },
  { label: "App version", read: (r) => `${r.environment.appVersion} (${r.environment.appCommit})` },
  {
    label: "Browser cores / isolated",
    read: (r) => `${r.environment.hardwareConcurrency} / ${r.environment.crossOriginIsolated ? "yes" : "no"}`,
  },
  { label: "max |Δθ|", read: (r) => formatNumber(r.maxAbsThetaDiff) },
  { label: "Total time (ms)", read: (r) => r.timings.totalMs.toFixed(0) },
];

/** Properties expected to differ between reruns (when and how long); never counted as a difference. */
const VARIES = new Set(["Finished", "Total time (ms)"]);

/** Every metric of both implementations, e.g. "your trainCost", "tfjs trainCost". */
function metricFields(runs: RunRecord[]): { label: string; read(run: RunRecord): string }[] {
  const names = new Set(
    runs.flatMap((run) =>
      run.implementations.flatMap((impl) => Object.keys(impl.metrics).map((m) => `${impl.name}:${m}`)),
    ),
  );
  return [...names].map((key) => {
    const [impl, metric] = key.split(":");
    return {
      label: `${impl === "learner" ? "your" : "tfjs"} ${metric}`,
      read: (run: RunRecord) => {
        const value = run.implementations.find((i) => i.name === impl)?.metrics[metric];
        return value === undefined ? "" : formatNumber(value);
      },
    };
  });
}

/**
 * The selected runs side by side, differing rows marked: same code, data,
 * seed and backend should give the same numbers (the reproducibility check).
 */
export function RunComparison({ runs }: { runs: RunRecord[] }) {
  const rows = [...FIELDS, ...metricFields(runs)].map((field) => {
    const values = runs.map((run) => field.read(run));
    return { label: field.label, values, differs: !VARIES.has(field.label) && new Set(values).size > 1 };
  });
  const differing = rows.filter((row) => row.differs).length;
  return (
    <section aria-label="Comparison" className="card">
      <h2>Comparing {runs.length} runs</h2>
      <p className="muted small">
        {differing === 0
          ? "Apart from when they ran and how long they took, these runs agree on every property and metric."
          : `${differing} properties or metrics differ (marked ≠).`}
      </p>
      <table aria-label="Run comparison" className="results">
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
          {rows.map((row) => (
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
    </section>
  );
}
