/**
 * The rows of a side-by-side comparison of runs: each property and metric,
 * read from every run, marked when they differ; and first/min/last of each
 * implementation's loss history. Pure.
 */
import { formatNumber, formatValue } from "../grading/compare";
import type { RunRecord } from "./types";

/** One compared property: its label and how to read it from a run. */
interface Field {
  label: string;
  read(run: RunRecord): string;
}

const FIELDS: Field[] = [
  { label: "Lesson / experiment", read: (r) => `${r.lessonId} / ${r.experimentId}` },
  { label: "Finished", read: (r) => r.createdAt },
  { label: "Backend used (asked)", read: (r) => `${r.backend.used} (${r.backend.requested})` },
  {
    label: "WASM threads / adapter",
    read: (r) =>
      [r.backend.threads, r.backend.adapter && `${r.backend.adapter.vendor} ${r.backend.adapter.architecture}`]
        .filter(Boolean)
        .join(" / "),
  },
  { label: "Kernel ran in", read: (r) => r.backend.kernelHost ?? "not recorded" },
  { label: "Seed / split", read: (r) => `${r.seed} / test ${r.split.test}, seed ${r.split.seed}` },
  { label: "Dataset", read: (r) => `${r.dataset.id}@${r.dataset.version} ${r.dataset.sha256.slice(0, 12)}` },
  { label: "Code SHA-256", read: (r) => r.code.sha256.slice(0, 16) },
  { label: "Parameters", read: (r) => formatValue(r.params) },
  { label: "App version", read: (r) => `${r.environment.appVersion} (${r.environment.appCommit})` },
  {
    label: "Browser cores / isolated",
    read: (r) => `${r.environment.hardwareConcurrency} / ${r.environment.crossOriginIsolated ? "yes" : "no"}`,
  },
  { label: "Tags", read: (r) => (r.tags ?? []).join(", ") },
  { label: "max |Δθ|", read: (r) => formatNumber(r.maxAbsThetaDiff) },
  { label: "Total time (ms)", read: (r) => r.timings.totalMs.toFixed(0) },
];

/** Properties expected to differ between reruns (when, how long, labels); never counted as a difference. */
const VARIES = new Set(["Finished", "Total time (ms)", "Tags"]);

const IMPLEMENTATION_LABEL = { learner: "your", reference: "tfjs" } as const;

/** First, smallest and last loss of a history (NaN for an empty one; NaN losses are skipped by min). */
export function lossStats(history: readonly { loss: number }[]): { first: number; min: number; last: number } {
  if (history.length === 0) return { first: NaN, min: NaN, last: NaN };
  const finite = history.map((h) => h.loss).filter((loss) => !Number.isNaN(loss));
  return {
    first: history[0].loss,
    min: finite.length ? Math.min(...finite) : NaN,
    last: history[history.length - 1].loss,
  };
}

/** Every metric of both implementations, then first/min/last of each loss history. */
function metricFields(runs: readonly RunRecord[]): Field[] {
  const names = new Set(
    runs.flatMap((run) =>
      run.implementations.flatMap((impl) => Object.keys(impl.metrics).map((m) => `${impl.name}:${m}`)),
    ),
  );
  const metrics = [...names].map((key): Field => {
    const [impl, metric] = key.split(":") as ["learner" | "reference", string];
    return {
      label: `${IMPLEMENTATION_LABEL[impl]} ${metric}`,
      read: (run) => {
        const value = run.implementations.find((i) => i.name === impl)?.metrics[metric];
        return value === undefined ? "" : formatNumber(value);
      },
    };
  });
  const losses = (["learner", "reference"] as const).flatMap((impl) =>
    (["first", "min", "last"] as const).map((which): Field => ({
      label: `${IMPLEMENTATION_LABEL[impl]} loss ${which}`,
      read: (run) => {
        const found = run.implementations.find((i) => i.name === impl);
        return found ? formatNumber(lossStats(found.history)[which]) : "";
      },
    })),
  );
  return [...metrics, ...losses];
}

/** One row of the comparison. */
export interface ComparisonRow {
  label: string;
  values: string[];
  differs: boolean;
}

/** Each property and metric of the runs, in order, `differs` when the runs disagree (not counting VARIES). */
export function comparisonRows(runs: readonly RunRecord[]): ComparisonRow[] {
  return [...FIELDS, ...metricFields(runs)].map((field) => {
    const values = runs.map((run) => field.read(run));
    return { label: field.label, values, differs: !VARIES.has(field.label) && new Set(values).size > 1 };
  });
}
