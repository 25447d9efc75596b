/// <reference lib="webworker" />
/**
 * The kernel: a module worker that handles ONE request and is then discarded,
 * so every run starts from a clean state. Learner code runs only here, and
 * only inside SES compartments (compartment.ts): it never holds a reference
 * to this scope, to `postMessage`, to the request or to the check recorder.
 * Before its request a spare worker may receive the tfjs .wasm bytes from the
 * page and a prewarm message (prewarm.ts). Order of a run: capture own
 * handles, start tfjs (experiments and benchmarks), remove host APIs
 * (lock-down.ts), SES `lockdown()`, then cells.
 */
import { runChecksWithDiagnoses } from "../core/evaluation/diagnose";
import type { EvaluationRealm, OutputSink } from "../core/evaluation/evaluate";
import type { CellPlotSink } from "../core/evaluation/run-checks";
import { runExperiment } from "../core/experiments/run-experiment";
import { timeJsGdStep, timeJsMatMul } from "../core/ml/benchmark";
import { GD_COLS } from "../core/ml/bench-sweep";
import { createRng } from "../core/ml/prng";
import { isKernelRequest } from "../core/protocol/guards";
import type {
  BenchmarkRow,
  KernelMessage,
  KernelRequest,
  RunBenchmarkRequest,
  RunChecksRequest,
  RunExperimentRequest,
} from "../core/protocol/protocol";
import { plotSize } from "../core/protocol/run-limits";
import type { RunId } from "../core/tracking/types";
import { isWasmBinariesMessage, provideWasmBinaries } from "../tfjs/wasm-files";
import { lockDownRealm } from "./compartment";
import { experimentBackend } from "./experiment-backend";
import { lockDownWorkerScope } from "./lock-down";
import { isPrewarmMessage } from "./prewarm";
import { prewarm, selectPrewarmed } from "./prewarmed-backend";

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Captured before any other code runs; lockDownWorkerScope later removes the global one.
const postToPage = scope.postMessage.bind(scope);
const post = (message: KernelMessage) => postToPage(message);
const now = performance.now.bind(performance);

/** Seed for `Math.random` in checks runs, so even it is reproducible. */
const MATH_RANDOM_SEED = 0;
/** Plots kept per run, and their points, grid cells and pixels together; more are dropped with one note. */
const MAX_PLOTS = 20;
const MAX_PLOT_SIZE = 60_000;
/** Characters kept of an error message posted to the page. */
const MAX_ERROR_CHARS = 10_000;

let handled = false;

scope.onmessage = (event: MessageEvent<unknown>) => {
  // Only the page can post here; after the request nothing more is taken (tfjs must not start in a locked realm).
  if (handled) return;
  const data = event.data;
  if (isWasmBinariesMessage(data)) return provideWasmBinaries(data.files);
  if (isPrewarmMessage(data)) return prewarm(data.backend);
  if (!isKernelRequest(data)) return;
  handled = true;
  void handle(data);
};

async function handle(request: KernelRequest): Promise<void> {
  const runId = request.runId;
  const sink: OutputSink = (cellId, level, text) => post({ kind: "output", runId, cellId, level, text });
  const plotSink = cappedPlotSink(runId, sink);
  try {
    if (request.kind === "run-checks") handleChecks(request, sink, plotSink);
    else if (request.kind === "run-experiment") await handleExperiment(request, sink, plotSink);
    else await handleBenchmark(request);
  } catch (error) {
    post({ kind: "failed", runId, message: clip(errorText(error)) });
  }
}

/** Posts a run's plots until MAX_PLOTS or MAX_PLOT_SIZE is reached, then one note. */
function cappedPlotSink(runId: RunId, sink: OutputSink): CellPlotSink {
  let plots = 0;
  let plotted = 0;
  let noted = false;
  return (cellId, plot) => {
    plots += 1;
    plotted += plotSize(plot);
    if (plots <= MAX_PLOTS && plotted <= MAX_PLOT_SIZE) return post({ kind: "plot", runId, cellId, plot });
    if (noted) return;
    noted = true;
    sink(
      cellId,
      "warn",
      `… more plots than a run may show (${MAX_PLOTS} plots, ${MAX_PLOT_SIZE} points); the rest are not shown`,
    );
  };
}

function handleChecks(request: RunChecksRequest, sink: OutputSink, plotSink: CellPlotSink): void {
  const started = now();
  const realm = prepareSandbox(MATH_RANDOM_SEED);
  const outcome = runChecksWithDiagnoses(
    request.lesson,
    request.cells,
    request.checks,
    request.diagnoses ?? [],
    { onOutput: sink, onPlot: plotSink },
    { now, deadline: started + (request.diagnosisBudgetMs ?? Infinity) },
    realm,
  );
  const runId = request.runId;
  outcome.errors.forEach((error) => post({ kind: "cell-error", runId, error: clipError(error) }));
  post({ kind: "checks-done", runId, verdicts: outcome.verdicts, diagnoses: outcome.diagnoses });
}

async function handleExperiment(
  request: RunExperimentRequest,
  sink: OutputSink,
  plotSink: CellPlotSink,
): Promise<void> {
  // tfjs starts before the sandbox closes; it gets the .wasm bytes from the page (no network here).
  const [{ tfMemory }, hooks, { createTfFacade }] = await Promise.all([
    import("../tfjs/select-backend"),
    import("../tfjs/profile-hooks"),
    import("../tfjs/tf-facade"),
  ]);
  const { report, initMs, calibration } = await experimentBackend(request);
  // Reference cells get an allow-list of tfjs, not the namespace (whose env() reaches this scope).
  const tf = createTfFacade();
  const realm = prepareSandbox(request.spec.seed);
  const profiler = { backendInitMs: initMs, profileKernels: hooks.profileKernels, jsHeapBytes: hooks.jsHeapBytes };
  const outcome = await runExperiment(
    request,
    { tf, backend: report, memory: tfMemory, now, profiler },
    sink,
    plotSink,
    realm,
  );
  const runId: RunId = request.runId;
  if (outcome.ok)
    post({ kind: "experiment-done", runId, result: { ...outcome.result, ...(calibration && { calibration }) } });
  else {
    const error = clipError(outcome.error);
    post({ kind: "cell-error", runId, error });
    post({ kind: "failed", runId, message: error.message });
  }
}

/**
 * Benchmarks run only app code (no learner code), so the sandbox is not needed. WASM computes with every
 * core: the sweep shows what threads do at each size (they lose on small operations).
 */
async function handleBenchmark(request: RunBenchmarkRequest): Promise<void> {
  const [{ timeTfjsGdStep, timeTfjsMatMul }, { withWasmThreads, wasmThreadsAvailable }] = await Promise.all([
    import("../tfjs/benchmarks"),
    import("../tfjs/wasm-threads"),
  ]);
  const report = withWasmThreads((await selectPrewarmed(request.backend)).report, wasmThreadsAvailable());
  const workload = request.workload ?? "matmul";
  const rows: BenchmarkRow[] = [];
  for (const size of request.sizes) {
    const cols = workload === "matmul" ? size : (request.cols ?? GD_COLS);
    const tfjs = workload === "matmul" ? await timeTfjsMatMul(size) : await timeTfjsGdStep(size, cols);
    rows.push({ implementation: "tfjs", workload, size, cols, ...tfjs });
    if (request.withJs === false) continue;
    const js = workload === "matmul" ? timeJsMatMul(size, now) : timeJsGdStep(size, cols, now);
    rows.push({ implementation: "js", workload, size, cols, ...js });
  }
  post({ kind: "benchmark-done", runId: request.runId, result: { backend: report, rows } });
}

/** Closes the worker scope and freezes the built-ins; returns the realm cells are compiled in. */
function prepareSandbox(seed: number): EvaluationRealm {
  lockDownWorkerScope(scope as unknown as typeof globalThis);
  const rng = createRng(seed);
  return lockDownRealm(() => rng.next());
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function clip(text: string): string {
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}… (message clipped)` : text;
}

function clipError<T extends { message: string }>(error: T): T {
  return { ...error, message: clip(String(error.message)) };
}

post({ kind: "ready" });
