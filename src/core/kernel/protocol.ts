/**
 * Messages between the app and the kernel worker: discriminated unions with
 * type guards. One worker handles exactly one request, then is discarded, so
 * every run starts from a clean state.
 */
import type { CheckVerdict } from "../grading/types";
import type { LoadedDataset } from "../ml/dataset-types";
import type { ExperimentSpec } from "../lesson/types";
import type { PlotSpec } from "./plot-types";

export type RunId = string & { readonly __brand: "RunId" };

/** Code of one cell, with the cell id used to attribute errors and output. */
export interface SourceCell {
  id: string;
  code: string;
}

export interface CheckSource extends SourceCell {
  hidden: boolean;
}

/** What a run needs from the lesson, besides the learner's code. */
export interface LessonPayload {
  setup: SourceCell[];
  datasets: LoadedDataset[];
}

export const BACKEND_CHOICES = ["auto", "webgpu", "wasm", "cpu"] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, "auto">;

export interface RunChecksRequest {
  kind: "run-checks";
  runId: RunId;
  lesson: LessonPayload;
  /** The learner's exercise cells, in lesson order (all of them, for a clean-state run). */
  cells: SourceCell[];
  checks: CheckSource[];
}

export interface RunExperimentRequest {
  kind: "run-experiment";
  runId: RunId;
  lesson: LessonPayload;
  cells: SourceCell[];
  experimentId: string;
  spec: ExperimentSpec;
  reference: SourceCell;
  backend: BackendChoice;
}

/** Measures matrix-multiply throughput of one tfjs backend and of plain JavaScript (see BenchmarksPage). */
export interface RunBenchmarkRequest {
  kind: "run-benchmark";
  runId: RunId;
  backend: BackendChoice;
  /** Square matrix sizes n: each workload multiplies two seeded n x n matrices. */
  sizes: number[];
}

export type KernelRequest = RunChecksRequest | RunExperimentRequest | RunBenchmarkRequest;

/** One measured workload: milliseconds per multiply and the throughput it implies (2 n^3 flops). */
export interface BenchmarkRow {
  implementation: "tfjs" | "js";
  size: number;
  msPerOp: number;
  gflops: number;
  repeats: number;
}

export interface BenchmarkResult {
  backend: BackendReport;
  rows: BenchmarkRow[];
}

/** An error attributed to a cell; `line`/`column` are 1-based within that cell's code. */
export interface CellError {
  cellId: string;
  phase: "syntax" | "runtime";
  message: string;
  line?: number;
  column?: number;
}

export interface BackendReport {
  requested: BackendChoice;
  used: BackendName;
  /** Why each better backend was skipped, in the order tried. */
  skipped: { backend: BackendName; reason: string }[];
  /** WASM thread count actually in use, when the backend is wasm. */
  threads?: number;
  /** WebGPU adapter description, when one was found. */
  adapter?: { vendor: string; architecture: string; description: string; isFallbackAdapter: boolean };
  tfjsVersion: string;
}

/** One implementation's outcome in an experiment. */
export interface ImplementationResult {
  name: "learner" | "reference";
  /** Final parameters. */
  theta: number[];
  /** Loss by step, as reported by the implementation (may be sampled every k steps). */
  history: { step: number; loss: number }[];
  /** Metrics recomputed in float64 by the shared harness, e.g. `{ trainCost, testCost }`. */
  metrics: Record<string, number>;
  wallTimeMs: number;
  /** Backend that ran it: "js" for the learner's plain JavaScript. */
  backend: BackendName | "js";
}

export interface ExperimentResult {
  experimentId: string;
  implementations: ImplementationResult[];
  maxAbsThetaDiff: number;
  backend: BackendReport;
  initialTheta: number[];
  trainRows: number;
  testRows: number;
  totalMs: number;
  memory?: { numTensors: number; numBytes: number };
  /** The task's comparison plots (e.g. both fitted lines or decision boundaries). */
  plots?: PlotSpec[];
}

export type KernelMessage =
  | { kind: "ready" }
  | { kind: "output"; runId: RunId; cellId: string; text: string; level: "log" | "warn" | "error" }
  | { kind: "plot"; runId: RunId; cellId: string; plot: PlotSpec }
  | { kind: "cell-error"; runId: RunId; error: CellError }
  | { kind: "checks-done"; runId: RunId; verdicts: CheckVerdict[] }
  | { kind: "experiment-done"; runId: RunId; result: ExperimentResult }
  | { kind: "benchmark-done"; runId: RunId; result: BenchmarkResult }
  | { kind: "failed"; runId: RunId; message: string };

export function isKernelMessage(value: unknown): value is KernelMessage {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (
    kind === "ready" ||
    kind === "output" ||
    kind === "plot" ||
    kind === "cell-error" ||
    kind === "checks-done" ||
    kind === "experiment-done" ||
    kind === "benchmark-done" ||
    kind === "failed"
  );
}

export function isKernelRequest(value: unknown): value is KernelRequest {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === "run-checks" || kind === "run-experiment" || kind === "run-benchmark";
}
