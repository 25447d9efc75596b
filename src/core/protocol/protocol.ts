/**
 * Messages between the app and the kernel worker: types only, plus the `as
 * const` lists of request and message kinds that the unions and the guards
 * (guards.ts) are derived from. One worker handles exactly one request, then
 * is discarded, so every run starts from a clean state. `KernelReply<K>` is the
 * message that answers a request of kind K.
 */
import type { AutoDecision, Calibration } from "../backends/auto-choice";
import type { BackendChoice, BackendReport } from "../backends/backend-choice";
import type { DiagnosisFinding, DiagnosisSource } from "../evaluation/diagnose";
import type { OutputLevel } from "../evaluation/evaluate";
import type { CellError, CheckSource, LessonPayload, SourceCell } from "../evaluation/types";
import type { ExperimentResult } from "../experiments/result-types";
import type { BenchWorkload } from "../ml/bench-sweep";
import type { CheckVerdict } from "../grading/types";
import type { ExperimentSpec } from "../lesson/types";
import type { PlotSpec } from "../plot/plot-types";
import type { RunId } from "../tracking/types";

/** Kinds of request the app sends; each has one reply kind (see `KernelReply`). */
export const KERNEL_REQUEST_KINDS = ["run-checks", "run-experiment", "run-benchmark"] as const;
/** Kinds of message the worker streams while a run goes on (`ready` once, before any request). */
export const KERNEL_STREAM_KINDS = ["ready", "output", "plot", "cell-error"] as const;
/** Kinds of message that end a run: the reply to each request kind, or `failed`. */
export const KERNEL_FINAL_KINDS = ["checks-done", "experiment-done", "benchmark-done", "failed"] as const;
/** Every kind of message the worker sends. */
export const KERNEL_MESSAGE_KINDS = [...KERNEL_STREAM_KINDS, ...KERNEL_FINAL_KINDS] as const;

/** A request kind, e.g. `run-checks`. */
export type KernelRequestKind = (typeof KERNEL_REQUEST_KINDS)[number];
/** A message kind, e.g. `output` or `checks-done`. */
export type KernelMessageKind = (typeof KERNEL_MESSAGE_KINDS)[number];
/** The kind of a message that ends a run. */
export type KernelFinalKind = (typeof KERNEL_FINAL_KINDS)[number];

/** The fields of each request kind, besides `kind` and `runId`. */
interface KernelRequestFields {
  "run-checks": {
    lesson: LessonPayload;
    /** The learner's exercise cells, in lesson order (all of them, for a clean-state run). */
    cells: SourceCell[];
    checks: CheckSource[];
    /** The exercise's diagnoses, tried only when a check fails (optional: none when absent). */
    diagnoses?: DiagnosisSource[];
    /** Milliseconds from the start of the run after which no further diagnosis is tried. */
    diagnosisBudgetMs?: number;
  };
  "run-experiment": {
    lesson: LessonPayload;
    cells: SourceCell[];
    experimentId: string;
    spec: ExperimentSpec;
    reference: SourceCell;
    backend: BackendChoice;
    /** For `auto` and `wasm`: the cached calibration, sent only when measured on this device (else `auto` measures one). */
    calibration?: Calibration;
    /**
     * Auto, decided by the page from this device's cached calibration: `backend` is what Auto chose (so the
     * run can be hosted where that backend runs, kernel-host.ts), and the report says Auto chose it, and why.
     */
    autoDecision?: AutoDecision;
  };
  /** Times one workload over sizes on one tfjs backend, and optionally in plain JavaScript (see BenchmarksPage). */
  "run-benchmark": {
    backend: BackendChoice;
    /** matMul (default): n x n by n x n; gd-step: one batch gradient-descent step on a size x `cols` matrix. */
    workload?: BenchWorkload;
    /** matMul: the sizes n; gd-step: the row counts m. */
    sizes: number[];
    /** gd-step's column count (default GD_COLS). */
    cols?: number;
    /** Also time the plain-JavaScript implementation (default true). */
    withJs?: boolean;
  };
}

/** A request of kind K (of each kind, for a union K). */
export type KernelRequestOf<K extends KernelRequestKind> = K extends KernelRequestKind
  ? { kind: K; runId: RunId } & KernelRequestFields[K]
  : never;

/** Run the checks of one exercise after the lesson setup and every learner cell. */
export type RunChecksRequest = KernelRequestOf<"run-checks">;
/** Run one experiment: the learner's function and the tfjs reference on the same inputs. */
export type RunExperimentRequest = KernelRequestOf<"run-experiment">;
/** Measure matrix-multiply throughput on one backend. */
export type RunBenchmarkRequest = KernelRequestOf<"run-benchmark">;
/** Any request. */
export type KernelRequest = KernelRequestOf<KernelRequestKind>;

/** One measured workload: milliseconds per operation and the throughput it implies (matMul 2n^3, GD step 4mn flops). */
export interface BenchmarkRow {
  implementation: "tfjs" | "js";
  workload: BenchWorkload;
  size: number;
  cols: number;
  msPerOp: number;
  gflops: number;
  repeats: number;
}

/** A benchmark run's outcome: the backend it got and one row per workload. */
export interface BenchmarkResult {
  backend: BackendReport;
  rows: BenchmarkRow[];
}

/** The fields of each message kind, besides `kind`. */
interface KernelMessageFields {
  /** The worker has started and waits for its one request. */
  ready: Record<never, never>;
  output: { runId: RunId; cellId: string; text: string; level: OutputLevel };
  plot: { runId: RunId; cellId: string; plot: PlotSpec };
  "cell-error": { runId: RunId; error: CellError };
  "checks-done": {
    runId: RunId;
    verdicts: CheckVerdict[];
    /** Diagnoses that recognised the learner's mistake (optional: absent when none was tried). */
    diagnoses?: DiagnosisFinding[];
  };
  "experiment-done": { runId: RunId; result: ExperimentResult };
  "benchmark-done": { runId: RunId; result: BenchmarkResult };
  failed: { runId: RunId; message: string };
}

/** A message of kind K (of each kind, for a union K). */
export type KernelMessageOf<K extends KernelMessageKind> = K extends KernelMessageKind
  ? { kind: K } & KernelMessageFields[K]
  : never;

/** Any message from the worker. */
export type KernelMessage = KernelMessageOf<KernelMessageKind>;

/** The reply kind of each request kind. */
interface KernelReplyKinds {
  "run-checks": "checks-done";
  "run-experiment": "experiment-done";
  "run-benchmark": "benchmark-done";
}

/** The message that answers a request of kind K, e.g. `KernelReply<"run-checks">` is the checks-done message. */
export type KernelReply<K extends KernelRequestKind> = KernelMessageOf<KernelReplyKinds[K]>;

/** The message that ends a run of kind K: its reply, or `failed`. */
export type KernelFinalMessage<K extends KernelRequestKind = KernelRequestKind> =
  KernelReply<K> | KernelMessageOf<"failed">;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
/**
 * Compile-time checks that the kind lists and the field maps agree: the final
 * kinds are the reply kinds plus `failed`, and every kind has its fields.
 */
export type ProtocolKindsAgree = [
  Expect<Same<KernelFinalKind, KernelReplyKinds[KernelRequestKind] | "failed">>,
  Expect<Same<keyof KernelReplyKinds, KernelRequestKind>>,
  Expect<Same<keyof KernelMessageFields, KernelMessageKind>>,
  Expect<Same<keyof KernelRequestFields, KernelRequestKind>>,
];
