/**
 * The backend of one experiment run. A named backend is the prewarmed one
 * (or selected now). `auto` is decided by measurement: this device's cached
 * calibration (sent by the client) or, when missing or for another browser or
 * adapter, a fresh one, then the estimates for this experiment's shape
 * (core/backends/auto-choice.ts). The report keeps the estimates and the reason.
 */
import {
  chooseAutoBackend,
  experimentShape,
  isCalibrationFor,
  wasmThreadsFor,
  type Calibration,
  type ExperimentShape,
} from "../core/backends/auto-choice";
import type { BackendReport } from "../core/backends/backend-choice";
import type { RunExperimentRequest } from "../core/protocol/protocol";
import { selectPrewarmed } from "./prewarmed-backend";

/** The backend ready for the run, the start-up it cost (ms), and a calibration to cache when one was measured. */
export interface ExperimentBackend {
  tf: unknown;
  report: BackendReport;
  initMs: number;
  calibration?: Calibration;
}

/** Rows (training share) and columns of the experiment's dataset. */
function datasetSize(request: RunExperimentRequest): { rows: number; cols: number } {
  const { id, version } = request.spec.dataset;
  const dataset = request.lesson.datasets.find((d) => d.id === id && d.version === version);
  const rows = dataset?.rows.length ?? 1;
  const cols = dataset?.rows[0]?.length ?? 1;
  return { rows: Math.max(1, Math.round(rows * (1 - request.spec.split.test))), cols };
}

/**
 * On WASM, computes with the threads this run's size calls for (wasm-threads.ts): `threads` when Auto
 * decided, else by the device's calibration or the size. Returns the report with the count in use.
 */
async function withWasmThreads(
  report: BackendReport,
  shape: ExperimentShape,
  calibration: Calibration | undefined,
  threads?: number,
): Promise<BackendReport> {
  if (report.used !== "wasm") return report;
  const { useWasmThreads, wasmThreadsAvailable } = await import("../tfjs/wasm-threads");
  const wanted = threads ?? wasmThreadsFor(shape, wasmThreadsAvailable(), calibration);
  return { ...report, threads: useWasmThreads(wanted) };
}

/** This device's calibration when the client sent one measured here (another browser or adapter's is ignored). */
async function calibrationOfThisDevice(request: RunExperimentRequest): Promise<Calibration | undefined> {
  if (!request.calibration) return undefined;
  const { deviceIdentity } = await import("../tfjs/calibrate");
  const { identity } = await deviceIdentity();
  return isCalibrationFor(request.calibration, identity) ? request.calibration : undefined;
}

export async function experimentBackend(request: RunExperimentRequest): Promise<ExperimentBackend> {
  const start = performance.now();
  const { rows, cols } = datasetSize(request);
  const shape = experimentShape(rows, cols, request.spec.params);
  const cached = await calibrationOfThisDevice(request);
  if (request.backend !== "auto") {
    const { tf, report } = await selectPrewarmed(request.backend);
    return { tf, report: await withWasmThreads(report, shape, cached), initMs: performance.now() - start };
  }
  const { calibrate } = await import("../tfjs/calibrate");
  const calibration = cached ?? (await calibrate());
  const decision = chooseAutoBackend(calibration, shape);
  const selected = await selectPrewarmed(decision.backend);
  const { tf } = selected;
  const report = await withWasmThreads(selected.report, shape, calibration, decision.threads);
  return {
    tf,
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
