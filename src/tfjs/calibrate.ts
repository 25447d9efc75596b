/**
 * Measures, on this device, what Auto needs (core/backends/auto-choice.ts):
 * for each backend that starts, milliseconds per batch gradient-descent step
 * (theta -= alpha/m * X^T (X theta - y)) on seeded float32 data at a few sizes,
 * after a warm-up, reading back once per batch of steps as the lessons'
 * training loops do; each size is the faster of two rounds. A backend's first
 * steps are slow while the engine still compiles (WASM tiers up in the
 * background): measured right after start-up, WASM looked 4-7x slower per
 * step than in the experiments, and Auto picked CPU where WASM was faster.
 * WASM is measured with one thread and with every core (wasm-threads.ts), in
 * rounds alternating with CPU. About two seconds on a 2-core machine, plus
 * WebGPU's (seconds on a software adapter); every tensor is disposed.
 */
import * as tf from "@tensorflow/tfjs-core";
import {
  CALIBRATION_VERSION,
  type BackendCalibration,
  type Calibration,
  type CalibrationPoint,
} from "../core/backends/auto-choice";
import type { BackendName } from "../core/backends/backend-choice";
import { createRng } from "../core/ml/prng";
import { selectBackend } from "./select-backend";
import { deviceIdentity } from "./webgpu-adapter";
import { useWasmThreads, wasmThreadsAvailable } from "./wasm-threads";

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
    let steps = 0;
    const start = performance.now();
    while (steps < MAX_STEPS && (steps < MIN_STEPS || performance.now() - start < BUDGET_MS)) {
      step();
      steps++;
      if (steps % MIN_STEPS === 0) await theta.data();
    }
    await theta.data();
    return (performance.now() - start) / steps;
  } finally {
    tf.dispose([x, y, theta]);
  }
}

/** A way to run the steps: a backend and, for WASM, a thread count. */
interface Variant {
  backend: BackendName;
  threads?: number;
}

/** Starts `backend` (its points are measured later); `ok: false`, with why, when it cannot start. */
async function startBackend(backend: BackendName): Promise<BackendCalibration> {
  const start = performance.now();
  try {
    const { report } = await selectBackend(backend);
    if (report.used !== backend)
      return { backend, ok: false, reason: report.skipped[0]?.reason ?? "did not start", points: [] };
    return { backend, ok: true, points: [], initMs: performance.now() - start, adapter: report.adapter };
  } catch (error) {
    return { backend, ok: false, reason: (error as Error).message, points: [] };
  }
}

/** Makes `variant` compute the next steps: its backend (started before) active, WASM on its thread count. */
async function activate(variant: Variant): Promise<number | undefined> {
  await tf.setBackend(variant.backend);
  return variant.threads === undefined ? undefined : useWasmThreads(variant.threads);
}

async function timeCalibrationSizes(): Promise<CalibrationPoint[]> {
  const points: CalibrationPoint[] = [];
  for (const [rows, cols] of CALIBRATION_SIZES) points.push({ rows, cols, msPerStep: await timeGdStep(rows, cols) });
  return points;
}

/** What a variant measured: its points, and for WASM the thread count it really got. */
interface Measured {
  points: CalibrationPoint[];
  threads?: number;
}

/**
 * Each variant's points, measured in `rounds` alternating rounds, the faster of
 * each size's rounds kept: a burst of other work (Monaco's TypeScript worker
 * starting beside the first Auto run, say) slows a round of every variant, not
 * one variant's whole measurement.
 */
async function bestOfRounds(variants: Variant[], rounds: number): Promise<Map<Variant, Measured>> {
  const best = new Map<Variant, Measured>();
  for (let round = 0; round < rounds; round++)
    for (const variant of variants) {
      const threads = await activate(variant);
      const points = await timeCalibrationSizes();
      const before = best.get(variant)?.points;
      best.set(variant, {
        points: before ? points.map((p, i) => (p.msPerStep < before[i].msPerStep ? p : before[i])) : points,
        threads,
      });
    }
  return best;
}

/** WASM (one thread, and every core where there are more) and CPU, measured in alternating rounds. */
async function calibrateWasmAndCpu(): Promise<BackendCalibration[]> {
  const wasm = await startBackend("wasm");
  const cpu = await startBackend("cpu");
  const single: Variant = { backend: "wasm", threads: 1 };
  const every: Variant = { backend: "wasm", threads: wasmThreadsAvailable() };
  const onCpu: Variant = { backend: "cpu" };
  const variants = [
    ...(wasm.ok ? [single] : []),
    ...(wasm.ok && wasmThreadsAvailable() > 1 ? [every] : []),
    ...(cpu.ok ? [onCpu] : []),
  ];
  const best = await bestOfRounds(variants, ROUNDS);
  const threaded = best.get(every);
  return [
    wasm.ok
      ? {
          ...wasm,
          points: best.get(single)?.points ?? [],
          threads: 1,
          // Kept only when the module really computed with more than one thread.
          ...(threaded?.threads &&
            threaded.threads > 1 && { threaded: { threads: threaded.threads, points: threaded.points } }),
        }
      : wasm,
    cpu.ok ? { ...cpu, points: best.get(onCpu)?.points ?? [] } : cpu,
  ];
}

/** WebGPU, alone and last: a software adapter keeps the CPU cores busy after its last step. One round (seconds, in software). */
async function calibrateWebGpu(): Promise<BackendCalibration> {
  const webgpu = await startBackend("webgpu");
  if (!webgpu.ok) return webgpu;
  const onGpu: Variant = { backend: "webgpu" };
  const best = await bestOfRounds([onGpu], 1).catch((error: Error) => error);
  if (best instanceof Error) return { backend: "webgpu", ok: false, reason: best.message, points: [] };
  return { ...webgpu, points: best.get(onGpu)?.points ?? [] };
}

/** Calibrates every backend and returns the figures; never throws. */
export async function calibrate(): Promise<Calibration> {
  const identity = await deviceIdentity();
  const wasmAndCpu = await calibrateWasmAndCpu().catch((error: Error) =>
    (["wasm", "cpu"] as const).map((backend) => ({ backend, ok: false, reason: error.message, points: [] })),
  );
  const backends: BackendCalibration[] = [...wasmAndCpu, await calibrateWebGpu()];
  return { version: CALIBRATION_VERSION, identity, measuredAt: new Date().toISOString(), backends };
}
