/**
 * Measures, on this device, what Auto needs (core/backends/auto-choice.ts):
 * for each backend that starts, milliseconds per batch gradient-descent step
 * (theta -= alpha/m * X^T (X theta - y)) on seeded float32 data at a few sizes,
 * after a warm-up, reading back once per batch of steps as the lessons'
 * training loops do; the faster of two timed rounds counts. A backend's first
 * steps are slow while the engine still compiles (WASM tiers up in the
 * background): measured right after start-up, WASM looked 4-7x slower per
 * step than in the experiments, and Auto picked CPU where WASM was faster.
 * About two seconds on a 2-core machine; every tensor is disposed.
 */
import * as tf from "@tensorflow/tfjs-core";
import {
  CALIBRATION_VERSION,
  calibrationIdentity,
  type AdapterIdentity,
  type BackendCalibration,
  type Calibration,
  type CalibrationPoint,
} from "../core/backends/auto-choice";
import type { BackendName } from "../core/backends/backend-choice";
import { createRng } from "../core/ml/prng";
import { selectBackend, webGpuAdapter } from "./select-backend";

/** Sizes (rows x cols) measured per backend: small enough to be quick, spread enough to fit a line. */
export const CALIBRATION_SIZES: readonly (readonly [number, number])[] = [
  [64, 4],
  [1024, 16],
  [16384, 64],
];
/** Per size: at least this many timed steps, and more while under the budget. */
const MIN_STEPS = 3;
const MAX_STEPS = 50;
const BUDGET_MS = 60;
/** Warm-up per size: at least 2 steps and this long. */
const WARM_UP_MS = 40;
const ROUNDS = 2;

/** One gradient-descent step of the lessons' linear-regression shape; returns the new theta. */
function gdStep(x: tf.Tensor2D, y: tf.Tensor2D, theta: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const error = tf.sub(tf.matMul(x, theta), y);
    const gradient = tf.matMul(x, error, true, false);
    return tf.sub(theta, tf.mul(gradient, alpha / x.shape[0]));
  });
}

/** Milliseconds per step for a rows x cols problem on the active backend. */
export async function timeGdStep(rows: number, cols: number): Promise<number> {
  const rng = createRng(rows * 31 + cols);
  const x = tf.tensor2d(
    Float32Array.from({ length: rows * cols }, () => rng.next()),
    [rows, cols],
  );
  const y = tf.tensor2d(
    Float32Array.from({ length: rows }, () => rng.next()),
    [rows, 1],
  );
  let theta = tf.zeros([cols, 1]) as tf.Tensor2D;
  const step = () => {
    const next = gdStep(x, y, theta, 0.01);
    theta.dispose();
    theta = next;
  };
  try {
    const warmStart = performance.now();
    for (let i = 0; i < 2 || performance.now() - warmStart < WARM_UP_MS; i++) {
      step();
      await theta.data();
    }
    let best = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      let steps = 0;
      const start = performance.now();
      while (steps < MAX_STEPS && (steps < MIN_STEPS || performance.now() - start < BUDGET_MS)) {
        step();
        steps++;
        if (steps % MIN_STEPS === 0) await theta.data();
      }
      await theta.data();
      best = Math.min(best, (performance.now() - start) / steps);
    }
    return best;
  } finally {
    tf.dispose([x, y, theta]);
  }
}

async function calibrateBackend(backend: BackendName): Promise<BackendCalibration> {
  const start = performance.now();
  const { report } = await selectBackend(backend);
  if (report.used !== backend)
    return { backend, ok: false, reason: report.skipped[0]?.reason ?? "did not start", points: [] };
  const initMs = performance.now() - start;
  const points: CalibrationPoint[] = [];
  for (const [rows, cols] of CALIBRATION_SIZES) points.push({ rows, cols, msPerStep: await timeGdStep(rows, cols) });
  return { backend, ok: true, points, initMs, threads: report.threads, adapter: report.adapter };
}

/** This device's identity for the calibration cache: the browser and its WebGPU adapter (if any). */
export async function deviceIdentity(): Promise<{ identity: string; adapter: AdapterIdentity | null }> {
  const adapter = await webGpuAdapter().catch(() => null);
  return { identity: calibrationIdentity(self.navigator.userAgent, adapter), adapter };
}

/**
 * Calibrates every backend and returns the figures; never throws. WebGPU goes
 * last: a software adapter keeps the CPU cores busy after its last step, which
 * would slow whatever is measured next.
 */
export async function calibrate(): Promise<Calibration> {
  const { identity } = await deviceIdentity();
  const backends: BackendCalibration[] = [];
  for (const backend of ["wasm", "cpu", "webgpu"] as const) {
    backends.push(
      await calibrateBackend(backend).catch((error: Error) => ({
        backend,
        ok: false,
        reason: error.message,
        points: [],
      })),
    );
  }
  return { version: CALIBRATION_VERSION, identity, measuredAt: new Date().toISOString(), backends };
}
