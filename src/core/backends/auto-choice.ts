/**
 * Auto by measurement: a short per-device calibration (milliseconds per
 * batch gradient-descent step at a few sizes, per backend) gives each backend
 * a cost model; Auto estimates each backend's time for the experiment's shape
 * and picks the fastest. Pure: the measuring is done by src/tfjs/calibrate.ts.
 */
import type { BackendName } from "./backend-choice";

/** Bump when the calibration's workload or shape changes: older cached calibrations are then ignored. */
export const CALIBRATION_VERSION = 2;

/** One measured size: milliseconds per gradient-descent step on a rows x cols float32 matrix. */
export interface CalibrationPoint {
  rows: number;
  cols: number;
  msPerStep: number;
}

/** A WebGPU adapter as calibration records it (software fallback adapters are flagged). */
export interface AdapterIdentity {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

/** What calibration measured for one backend; `ok: false` when it could not start (with why). */
export interface BackendCalibration {
  backend: BackendName;
  ok: boolean;
  reason?: string;
  points: CalibrationPoint[];
  /** Milliseconds to initialise the backend (WASM module compile, WebGPU device). */
  initMs?: number;
  threads?: number;
  adapter?: AdapterIdentity;
}

/** A device's calibration, valid for the browser and adapter named by `identity`. */
export interface Calibration {
  version: number;
  /** See `calibrationIdentity`. */
  identity: string;
  /** ISO 8601 time of measurement. */
  measuredAt: string;
  backends: BackendCalibration[];
}

/** Cost of one step: `overheadMs + msPerElement * rows * cols`, fitted to the calibration points. */
export interface CostModel {
  overheadMs: number;
  msPerElement: number;
}

/** The work an experiment asks for: `steps` passes over a rows x cols design matrix. */
export interface ExperimentShape {
  rows: number;
  cols: number;
  steps: number;
}

/** One backend's estimated time for the experiment, in milliseconds. */
export interface BackendEstimate {
  backend: BackendName;
  ms: number;
}

/** What Auto chose, every estimate it compared, and why, in words. */
export interface AutoDecision {
  backend: BackendName;
  estimates: BackendEstimate[];
  reason: string;
}

/** The browser (user agent) and WebGPU adapter a calibration is valid for, as one string. */
export function calibrationIdentity(userAgent: string, adapter: AdapterIdentity | null): string {
  const gpu = adapter
    ? `${adapter.vendor}/${adapter.architecture}/${adapter.description}${adapter.isFallbackAdapter ? " (fallback)" : ""}`
    : "no WebGPU adapter";
  return `v${CALIBRATION_VERSION} | ${userAgent} | ${gpu}`;
}

/** True when `calibration` may be reused on a device with this identity. */
export function isCalibrationFor(calibration: Calibration | undefined, identity: string): calibration is Calibration {
  return calibration?.version === CALIBRATION_VERSION && calibration.identity === identity;
}

/**
 * Least-squares fit of `msPerStep = overhead + perElement * rows * cols`, both
 * coefficients kept non-negative (a single point is all per-element cost).
 */
export function fitCostModel(points: readonly CalibrationPoint[]): CostModel {
  if (points.length === 0) return { overheadMs: Infinity, msPerElement: Infinity };
  const xs = points.map((p) => p.rows * p.cols);
  const ys = points.map((p) => p.msPerStep);
  const n = points.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  if (n === 1 || sxx === 0) return { overheadMs: 0, msPerElement: my / Math.max(mx, 1) };
  const slope = Math.max(0, sxy / sxx);
  const overhead = my - slope * mx;
  if (overhead >= 0) return { overheadMs: overhead, msPerElement: slope };
  // A negative intercept is noise: refit through the origin.
  const sxy0 = xs.reduce((a, x, i) => a + x * ys[i], 0);
  const sxx0 = xs.reduce((a, x) => a + x * x, 0);
  return { overheadMs: 0, msPerElement: sxy0 / sxx0 };
}

/**
 * Milliseconds per step for rows x cols elements, interpolated between the
 * measured sizes on log-log axes; below the smallest size, the smallest
 * size's time (per-step overhead dominates there); above the largest, scaled
 * linearly with the element count. A least-squares line (`fitCostModel`) is
 * too easily bent by one noisy large point to place the small sizes lessons use.
 */
export function interpolateStepMs(points: readonly CalibrationPoint[], rows: number, cols: number): number {
  const sorted = [...points].sort((a, b) => a.rows * a.cols - b.rows * b.cols);
  if (sorted.length === 0) return Infinity;
  const size = rows * cols;
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (size <= first.rows * first.cols) return first.msPerStep;
  if (size >= last.rows * last.cols) return last.msPerStep * (size / (last.rows * last.cols));
  const upper = sorted.findIndex((p) => p.rows * p.cols >= size);
  const a = sorted[upper - 1];
  const b = sorted[upper];
  const t = Math.log(size / (a.rows * a.cols)) / Math.log((b.rows * b.cols) / (a.rows * a.cols));
  return Math.exp(Math.log(a.msPerStep) + t * (Math.log(b.msPerStep) - Math.log(a.msPerStep)));
}

/** Estimated milliseconds for the whole experiment under `model`. */
export function estimateMs(model: CostModel, shape: ExperimentShape): number {
  return shape.steps * (model.overheadMs + model.msPerElement * shape.rows * shape.cols);
}

/**
 * The experiment's shape from its training rows, columns and hyper-parameters
 * (iterations, or epochs x batches). A hidden layer of `hidden` units turns a
 * step's matrix-vector products into matrix products `hidden` columns wide, so
 * a row costs about `cols x hidden` elements' work: measured on lesson 6 (64
 * inputs, 16 hidden units), the plain `cols` made CPU look fastest when WASM
 * was twice as fast.
 */
export function experimentShape(rows: number, cols: number, params: Record<string, number>): ExperimentShape {
  const batches = params.batchSize ? Math.ceil(rows / params.batchSize) : 1;
  const steps = params.iterations ?? (params.epochs ? params.epochs * batches : 1);
  const batchRows = params.batchSize ? Math.min(rows, params.batchSize) : rows;
  const width = params.hidden && params.hidden > 1 ? cols * params.hidden : cols;
  return { rows: Math.max(1, batchRows), cols: Math.max(1, width), steps: Math.max(1, steps) };
}

const LABELS: Record<BackendName, string> = { webgpu: "WebGPU", wasm: "WASM", cpu: "CPU" };

function describe(b: BackendCalibration, ms: number): string {
  const software = b.adapter?.isFallbackAdapter ? ` (software adapter ${b.adapter.architecture || "fallback"})` : "";
  return `${LABELS[b.backend]}${software} ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/**
 * Picks the backend with the smallest estimate for `shape`. Backends that
 * could not start are left out; a software (fallback) WebGPU adapter wins only
 * when its own measurement makes it faster. With nothing measured, WASM.
 */
export function chooseAutoBackend(calibration: Calibration, shape: ExperimentShape): AutoDecision {
  const usable = calibration.backends.filter((b) => b.ok && b.points.length > 0);
  const ranked = usable.map((b) => ({ b, ms: estimateMs(fitCostModel(b.points), shape) })).sort((x, y) => x.ms - y.ms);
  const estimates = ranked.map(({ b, ms }) => ({ backend: b.backend, ms }));
  const size = `${shape.rows}×${shape.cols}, ${shape.steps} steps`;
  if (ranked.length === 0)
    return { backend: "wasm", estimates, reason: "no backend could be calibrated on this device; WASM by default" };
  const [best, ...rest] = ranked;
  const others = rest.map(({ b, ms }) => describe(b, ms)).join(", ");
  const skipped = calibration.backends.filter((b) => !b.ok).map((b) => `${LABELS[b.backend]}: ${b.reason}`);
  const reason =
    `fastest estimate for ${size}: ${describe(best.b, best.ms)}` +
    (others ? ` vs ${others}` : "") +
    (skipped.length ? `; not available: ${skipped.join("; ")}` : "");
  return { backend: best.b.backend, estimates, reason };
}
