/// <reference lib="webworker" />
/**
 * The kernel: a module worker that handles ONE request and is then discarded,
 * so every run starts from a clean state. Learner code runs only here.
 */
import { createRng } from "../core/ml/prng";
import { isKernelRequest } from "../core/protocol/guards";
import type { BenchmarkRow, KernelMessage, RunBenchmarkRequest, RunExperimentRequest } from "../core/protocol/protocol";
import type { RunId } from "../core/tracking/types";
import { timeJsMatMul } from "../core/ml/benchmark";
import { type CellPlotSink } from "../core/evaluation/run-checks";
import { runChecksWithDiagnoses } from "../core/evaluation/diagnose";
import { runExperiment } from "../core/experiments/run-experiment";
import type { OutputSink } from "../core/evaluation/evaluate";
import { lockDownWorkerScope } from "./lock-down";
import { isPrewarmMessage } from "./prewarm";
import { prewarm, selectPrewarmed } from "./prewarmed-backend";
import { experimentBackend } from "./experiment-backend";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: KernelMessage) => scope.postMessage(message);

/** Seed for `Math.random` in learner code, so even it is reproducible. */
const MATH_RANDOM_SEED = 0;

scope.onmessage = async (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (isPrewarmMessage(request)) return prewarm(request.backend);
  if (!isKernelRequest(request)) return;
  const sink: OutputSink = (cellId, level, text) => post({ kind: "output", runId: request.runId, cellId, level, text });
  const plotSink: CellPlotSink = (cellId, plot) => post({ kind: "plot", runId: request.runId, cellId, plot });
  try {
    if (request.kind === "run-checks") {
      const started = performance.now();
      prepareSandbox(MATH_RANDOM_SEED);
      const outcome = runChecksWithDiagnoses(
        request.lesson,
        request.cells,
        request.checks,
        request.diagnoses ?? [],
        { onOutput: sink, onPlot: plotSink },
        { now: () => performance.now(), deadline: started + (request.diagnosisBudgetMs ?? Infinity) },
      );
      outcome.errors.forEach((error) => post({ kind: "cell-error", runId: request.runId, error }));
      post({ kind: "checks-done", runId: request.runId, verdicts: outcome.verdicts, diagnoses: outcome.diagnoses });
    } else if (request.kind === "run-experiment") {
      await handleExperiment(request, sink, plotSink);
    } else {
      await handleBenchmark(request);
    }
  } catch (error) {
    post({ kind: "failed", runId: request.runId, message: (error as Error).message ?? String(error) });
  }
};

async function handleExperiment(
  request: RunExperimentRequest,
  sink: OutputSink,
  plotSink: CellPlotSink,
): Promise<void> {
  // tfjs starts (and fetches its .wasm files) before the sandbox closes the network.
  const [{ tfMemory }, hooks] = await Promise.all([import("../tfjs/select-backend"), import("../tfjs/profile-hooks")]);
  const { tf, report, initMs, calibration } = await experimentBackend(request);
  prepareSandbox(request.spec.seed);
  const profiler = { backendInitMs: initMs, profileKernels: hooks.profileKernels, jsHeapBytes: hooks.jsHeapBytes };
  const outcome = await runExperiment(
    request,
    { tf, backend: report, memory: tfMemory, now: () => performance.now(), profiler },
    sink,
    plotSink,
  );
  const runId: RunId = request.runId;
  if (outcome.ok)
    post({ kind: "experiment-done", runId, result: { ...outcome.result, ...(calibration && { calibration }) } });
  else {
    post({ kind: "cell-error", runId, error: outcome.error });
    post({ kind: "failed", runId, message: outcome.error.message });
  }
}

/** Benchmarks run only app code (no learner code), so the sandbox is not needed. */
async function handleBenchmark(request: RunBenchmarkRequest): Promise<void> {
  const { timeTfjsMatMul } = await import("../tfjs/benchmarks");
  const { report } = await selectPrewarmed(request.backend);
  const rows: BenchmarkRow[] = [];
  for (const size of request.sizes) {
    rows.push({ implementation: "tfjs", size, ...(await timeTfjsMatMul(size)) });
    rows.push({ implementation: "js", size, ...timeJsMatMul(size, () => performance.now()) });
  }
  post({ kind: "benchmark-done", runId: request.runId, result: { backend: report, rows } });
}

function prepareSandbox(seed: number): void {
  lockDownWorkerScope(scope as unknown as typeof globalThis);
  const rng = createRng(seed);
  Math.random = () => rng.next();
}

post({ kind: "ready" });
