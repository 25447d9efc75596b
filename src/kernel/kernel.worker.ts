/// <reference lib="webworker" />
/**
 * The kernel: a module worker that handles ONE request and is then discarded,
 * so every run starts from a clean state. Learner code runs only here, and
 * only inside SES compartments (compartment.ts): it never holds a reference
 * to this scope, to `postMessage`, to the request or to the check recorder.
 * Order of a run: capture own handles, start tfjs (experiments and
 * benchmarks), remove host APIs (lock-down.ts), SES `lockdown()`, then cells.
 */
import { createRng } from "../core/ml/prng";
import {
  isKernelRequest,
  type BenchmarkRow,
  type KernelMessage,
  type KernelRequest,
  type RunBenchmarkRequest,
  type RunExperimentRequest,
  type RunId,
} from "../core/kernel/protocol";
import { timeJsMatMul } from "../core/ml/benchmark";
import { runChecks, type CellPlotSink } from "../core/kernel/run-checks";
import { runExperiment } from "../core/kernel/run-experiment";
import type { EvaluationRealm, OutputSink } from "../core/kernel/evaluate";
import { isWasmBinariesMessage, type WasmBinaries } from "../tfjs/wasm-files";
import { lockDownRealm } from "./compartment";
import { lockDownWorkerScope } from "./lock-down";
import { plotSize } from "./run-limits";

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Captured before any other code runs; lockDownWorkerScope later removes the global one.
const postToPage = scope.postMessage.bind(scope);
const post = (message: KernelMessage) => postToPage(message);

/** Seed for `Math.random` in checks runs, so even it is reproducible. */
const MATH_RANDOM_SEED = 0;
/** Plots kept per run, and their points, grid cells and pixels together; more are dropped with one note. */
const MAX_PLOTS = 20;
const MAX_PLOT_SIZE = 60_000;
/** Characters kept of an error message posted to the page. */
const MAX_ERROR_CHARS = 10_000;

let wasmBinaries: WasmBinaries = {};
let handled = false;

scope.onmessage = (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (isWasmBinariesMessage(data)) {
    wasmBinaries = data.files;
    return;
  }
  if (handled || !isKernelRequest(data)) return;
  handled = true;
  void handle(data);
};

async function handle(request: KernelRequest): Promise<void> {
  const runId = request.runId;
  const sink: OutputSink = (cellId, level, text) => post({ kind: "output", runId, cellId, level, text });
  let plots = 0;
  let plotted = 0;
  let plotsNoted = false;
  const plotSink: CellPlotSink = (cellId, plot) => {
    plots += 1;
    plotted += plotSize(plot);
    if (plots <= MAX_PLOTS && plotted <= MAX_PLOT_SIZE) return post({ kind: "plot", runId, cellId, plot });
    if (plotsNoted) return;
    plotsNoted = true;
    sink(
      cellId,
      "warn",
      `… more plots than a run may show (${MAX_PLOTS} plots, ${MAX_PLOT_SIZE} points); the rest are not shown`,
    );
  };
  try {
    if (request.kind === "run-checks") {
      const realm = prepareSandbox(MATH_RANDOM_SEED);
      const outcome = runChecks(request.lesson, request.cells, request.checks, sink, plotSink, realm);
      outcome.errors.forEach((error) => post({ kind: "cell-error", runId, error: clipError(error) }));
      post({ kind: "checks-done", runId, verdicts: outcome.verdicts });
    } else if (request.kind === "run-experiment") {
      await handleExperiment(request, sink, plotSink);
    } else {
      await handleBenchmark(request);
    }
  } catch (error) {
    post({ kind: "failed", runId, message: clip(errorText(error)) });
  }
}

async function handleExperiment(
  request: RunExperimentRequest,
  sink: OutputSink,
  plotSink: CellPlotSink,
): Promise<void> {
  // tfjs starts before the sandbox closes; it gets the .wasm bytes from the page (no network here).
  const [{ selectBackend, tfMemory }, { createTfFacade }] = await Promise.all([
    import("../tfjs/select-backend"),
    import("../tfjs/tf-facade"),
  ]);
  const { report } = await selectBackend(request.backend, wasmBinaries);
  const tf = createTfFacade();
  const realm = prepareSandbox(request.spec.seed);
  const outcome = await runExperiment(
    request,
    { tf, backend: report, memory: tfMemory, now: () => performance.now() },
    sink,
    plotSink,
    realm,
  );
  const runId: RunId = request.runId;
  if (outcome.ok) post({ kind: "experiment-done", runId, result: outcome.result });
  else {
    const error = clipError(outcome.error);
    post({ kind: "cell-error", runId, error });
    post({ kind: "failed", runId, message: error.message });
  }
}

/** Benchmarks run only app code (no learner code), so the sandbox is not needed. */
async function handleBenchmark(request: RunBenchmarkRequest): Promise<void> {
  const [{ selectBackend }, { timeTfjsMatMul }] = await Promise.all([
    import("../tfjs/select-backend"),
    import("../tfjs/benchmarks"),
  ]);
  const { report } = await selectBackend(request.backend, wasmBinaries);
  const rows: BenchmarkRow[] = [];
  for (const size of request.sizes) {
    rows.push({ implementation: "tfjs", size, ...(await timeTfjsMatMul(size)) });
    rows.push({ implementation: "js", size, ...timeJsMatMul(size, () => performance.now()) });
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
