/**
 * The backend of one experiment run. A named backend is the prewarmed one
 * (or selected now). `auto` is decided by measurement (core/backends/auto-choice.ts):
 * by the page before the run when it holds this device's calibration
 * (`autoDecision`, so the run is hosted where the chosen backend runs), else
 * here, from a fresh calibration. The report keeps the estimates and the reason.
 * The page sends the calibration only when it was measured on this device.
 */
import { CALIBRATION_VERSION, chooseAutoBackend, wasmThreadsFor, type Calibration } from "../core/backends/auto-choice";
import type { BackendReport } from "../core/backends/backend-choice";
import type { RunExperimentRequest } from "../core/protocol/protocol";
import { experimentShapeOf } from "./experiment-shape";
import { selectPrewarmed } from "./prewarmed-backend";

/** The backend ready for the run, the start-up it cost (ms), and a calibration to cache when one was measured. */
export interface ExperimentBackend {
  tf: unknown;
  report: BackendReport;
  initMs: number;
  calibration?: Calibration;
}

/**
 * On WASM, computes with the threads this run's size calls for (wasm-threads.ts): `threads` when Auto
 * decided, else by the device's calibration or the size. Returns the report with the count in use.
 */
async function threadsForRun(
  report: BackendReport,
  request: RunExperimentRequest,
  calibration: Calibration | undefined,
  threads?: number,
): Promise<BackendReport> {
  if (report.used !== "wasm") return report;
  const { withWasmThreads, wasmThreadsAvailable } = await import("../tfjs/wasm-threads");
  return withWasmThreads(
    report,
    threads ?? wasmThreadsFor(experimentShapeOf(request), wasmThreadsAvailable(), calibration),
  );
}

/** The calibration the page sent: it sends one only when measured on this device (auto-on-page.ts). */
function calibrationOfThisDevice(request: RunExperimentRequest): Calibration | undefined {
  return request.calibration?.version === CALIBRATION_VERSION ? request.calibration : undefined;
}

export async function experimentBackend(request: RunExperimentRequest): Promise<ExperimentBackend> {
  const start = performance.now();
  const cached = calibrationOfThisDevice(request);
  if (request.backend !== "auto" && !request.autoDecision) {
    const selected = await selectPrewarmed(request.backend);
    const report = await threadsForRun(selected.report, request, cached);
    return { tf: selected.tf, report, initMs: performance.now() - start };
  }
  const calibration = cached ?? (await (await import("../tfjs/calibrate")).calibrate());
  // Decided by the page when it held this device's calibration (it sends that calibration along), else here.
  const decision = request.autoDecision ?? chooseAutoBackend(calibration, experimentShapeOf(request));
  const selected = await selectPrewarmed(decision.backend);
  const report = await threadsForRun(selected.report, request, calibration, decision.threads);
  return {
    tf: selected.tf,
    report: {
      ...report,
      requested: "auto",
      // Backends that could not even start, as a named backend's fallbacks are reported.
      skipped: calibration.backends.filter((b) => !b.ok).map((b) => ({ backend: b.backend, reason: b.reason ?? "" })),
      auto: { estimates: decision.estimates, reason: decision.reason },
    },
    initMs: performance.now() - start,
    ...(cached ? {} : { calibration }),
  };
}
