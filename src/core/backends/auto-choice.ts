/**
 * Auto by measurement: a short per-device calibration (milliseconds per
 * batch gradient-descent step at a few sizes, per backend) gives each backend
 * a cost model; Auto estimates each backend's time for the experiment's shape
 * and picks the fastest. Pure: the measuring is done by src/tfjs/calibrate.ts.
 */
import type { BackendName } from "./backend-choice";

/**
 * Bump when the calibration's workload or shape changes, or a backend's speed does (version 4: WASM uses
 * every core): older cached calibrations are then ignored.
 */
export const CALIBRATION_VERSION = 4;

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
  /** Threads `points` were measured with (WASM). */
  threads?: number;
  /** WASM only: the same sizes measured again with every core, when there is more than one. */
  threaded?: { threads: number; points: CalibrationPoint[] };
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

/** The work an experiment asks for: `steps` passes over a rows x cols design matrix. */
export interface ExperimentShape {
  rows: number;
  cols: number;
  steps: number;
}

/** One backend's estimated time for the experiment, in milliseconds (WASM: with its better thread count). */
export interface BackendEstimate {
  backend: BackendName;
  ms: number;
  threads?: number;
}

/** What Auto chose, every estimate it compared, and why, in words; `threads` when it chose WASM. */
export interface AutoDecision {
  backend: BackendName;
  threads?: number;
  estimates: BackendEstimate[];
  reason: string;
}

/**
 * Per-step elements (rows x cols of the shape) from which WASM computes with
 * every core when no calibration says otherwise. Measured on a 2-core
 * machine (`npm run bench`, 1 thread against 2): a gradient-descent step took
 * twice as long with 2 threads at 1,000 x 20, as long at 10,000 x 20, and half
 * as long at 100,000 x 20.
 */
export const WASM_THREADS_MIN_ELEMENTS = 200_000;

/**
 * WASM's estimated time per step for a rows x cols shape, with the thread
 * count that measured faster there (one thread unless `threaded` was measured).
 */
function bestWasmStep(b: BackendCalibration, rows: number, cols: number): { msPerStep: number; threads: number } {
  const single = { msPerStep: interpolateStepMs(b.points, rows, cols), threads: b.threads ?? 1 };
  if (!b.threaded || b.threaded.points.length === 0) return single;
  const all = { msPerStep: interpolateStepMs(b.threaded.points, rows, cols), threads: b.threaded.threads };
  return all.msPerStep < single.msPerStep ? all : single;
}

/**
 * How many threads WASM should compute with for `shape`, at most `available`:
 * the faster by this device's calibration when it measured both, else every
 * core from WASM_THREADS_MIN_ELEMENTS per step, else one.
 */
export function wasmThreadsFor(shape: ExperimentShape, available: number, calibration?: Calibration): number {
  const wasm = calibration?.backends.find((b) => b.backend === "wasm" && b.ok && b.threaded);
  const threads = wasm
    ? bestWasmStep(wasm, shape.rows, shape.cols).threads
    : shape.rows * shape.cols >= WASM_THREADS_MIN_ELEMENTS
      ? available
      : 1;
  return Math.max(1, Math.min(available, threads));
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
 * Milliseconds per step for rows x cols elements, interpolated between the
 * measured sizes on log-log axes; below the smallest size, the smallest
 * size's time (per-step overhead dominates there); above the largest, scaled
 * linearly with the element count. (A least-squares line through the points,
 * used before, was bent by the large size: it gave CPU no per-step overhead
 * at all, and Auto picked CPU for small experiments that WASM ran faster.)
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

/**
 * The experiment's shape from its training rows, columns and hyper-parameters
 * (iterations, or epochs x batches), with each row's work in elements of a
 * gradient-descent step. Three models do more per row than that step:
 * - a hidden layer of `hidden` units: matrix products `hidden` columns wide,
 *   `cols x hidden` (measured on lesson 6, 64 inputs and 16 hidden units, the
 *   plain `cols` made CPU look fastest when WASM was twice as fast);
 * - k-means with `K` centroids: each row's distance to every centroid, `cols x K`;
 * - a Gaussian kernel (`sigma`): each row against every training row, `rows`.
 */
export function experimentShape(rows: number, cols: number, params: Record<string, number>): ExperimentShape {
  const batches = params.batchSize ? Math.ceil(rows / params.batchSize) : 1;
  const steps = params.iterations ?? (params.epochs ? params.epochs * batches : 1);
  const batchRows = params.batchSize ? Math.min(rows, params.batchSize) : rows;
  const width = params.hidden > 1 ? cols * params.hidden : params.K > 1 ? cols * params.K : params.sigma ? rows : cols;
  return { rows: Math.max(1, batchRows), cols: Math.max(1, width), steps: Math.max(1, steps) };
}

const LABELS: Record<BackendName, string> = { webgpu: "WebGPU", wasm: "WASM", cpu: "CPU" };

function describe(b: BackendCalibration, ms: number, threads?: number): string {
  const software = b.adapter?.isFallbackAdapter ? ` (software adapter ${b.adapter.architecture || "fallback"})` : "";
  const threaded = threads !== undefined && b.threaded ? ` (${threads} thread${threads === 1 ? "" : "s"})` : "";
  return `${LABELS[b.backend]}${software}${threaded} ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** A backend's estimate for `shape`: steps times the interpolated time per step (WASM: its faster thread count). */
function estimate(
  b: BackendCalibration,
  shape: ExperimentShape,
): { b: BackendCalibration; ms: number; threads?: number } {
  if (b.backend !== "wasm") return { b, ms: shape.steps * interpolateStepMs(b.points, shape.rows, shape.cols) };
  const { msPerStep, threads } = bestWasmStep(b, shape.rows, shape.cols);
  return { b, ms: shape.steps * msPerStep, threads };
}

/**
 * Picks the backend with the smallest estimate for `shape` (steps times the
 * interpolated time per step). Backends that
 * could not start are left out; a software (fallback) WebGPU adapter wins only
 * when its own measurement makes it faster. With nothing measured, WASM.
 */
export function chooseAutoBackend(calibration: Calibration, shape: ExperimentShape): AutoDecision {
  const usable = calibration.backends.filter((b) => b.ok && b.points.length > 0);
  const ranked = usable.map((b) => estimate(b, shape)).sort((x, y) => x.ms - y.ms);
  const estimates = ranked.map(({ b, ms, threads }) => ({ backend: b.backend, ms, ...(threads && { threads }) }));
  const size = `${shape.rows}×${shape.cols}, ${shape.steps} steps`;
  if (ranked.length === 0)
    return { backend: "wasm", estimates, reason: "no backend could be calibrated on this device; WASM by default" };
  const [best, ...rest] = ranked;
  const others = rest.map(({ b, ms, threads }) => describe(b, ms, threads)).join(", ");
  const skipped = calibration.backends.filter((b) => !b.ok).map((b) => `${LABELS[b.backend]}: ${b.reason}`);
  const reason =
    `fastest estimate for ${size}: ${describe(best.b, best.ms, best.threads)}` +
    (others ? ` vs ${others}` : "") +
    (skipped.length ? `; not available: ${skipped.join("; ")}` : "");
  return { backend: best.b.backend, ...(best.threads && { threads: best.threads }), estimates, reason };
}
