/**
 * The tfjs side of the benchmarks, on whatever backend is active: the same
 * seeded inputs as the JavaScript side, one warm-up (shader compilation, wasm
 * kernels), then repeats read back only once.
 */
import * as tf from "@tensorflow/tfjs-core";
import { BENCHMARK_BUDGET, gdStepFlops, gflopsOf, seededRegression, seededSquare } from "../core/ml/benchmark";

type Timing = { msPerOp: number; gflops: number; repeats: number };

/** Times `op` (which returns a new tensor each call): warm-up, a probe to size the batch, then one read-back per batch. */
async function timeOp(op: () => tf.Tensor, flops: number): Promise<Timing> {
  const warm = op();
  await warm.data();
  warm.dispose();
  const probeStart = performance.now();
  const probe = op();
  await probe.data();
  probe.dispose();
  const estimate = Math.max(performance.now() - probeStart, 0.01);
  const repeats = Math.max(1, Math.min(BENCHMARK_BUDGET.maxRepeats, Math.ceil(BENCHMARK_BUDGET.minMs / estimate)));
  const start = performance.now();
  let last: tf.Tensor | null = null;
  for (let i = 0; i < repeats; i++) {
    last?.dispose();
    last = op();
  }
  await last!.data();
  last!.dispose();
  const msPerOp = (performance.now() - start) / repeats;
  return { msPerOp, gflops: flops / (msPerOp * 1e6), repeats };
}

/** Times tf.matMul of two seeded n x n float32 matrices. Disposes every tensor it makes. */
export async function timeTfjsMatMul(n: number): Promise<Timing> {
  const a = tf.tensor2d(Float32Array.from(seededSquare(n, 1)), [n, n]);
  const b = tf.tensor2d(Float32Array.from(seededSquare(n, 2)), [n, n]);
  try {
    const timing = await timeOp(() => tf.matMul(a, b), 2 * n ** 3);
    return { ...timing, gflops: gflopsOf(n, timing.msPerOp) };
  } finally {
    a.dispose();
    b.dispose();
  }
}

/**
 * Times one batch gradient-descent step of linear regression on seeded m x n
 * float32 data, as the lessons write it: r = Xθ - y, θ - (alpha/m) Xᵀr.
 * Disposes every tensor it makes.
 */
export async function timeTfjsGdStep(m: number, n: number): Promise<Timing> {
  const data = seededRegression(m, n);
  const x = tf.tensor2d(Float32Array.from(data.x), [m, n]);
  const y = tf.tensor2d(Float32Array.from(data.y), [m, 1]);
  const theta = tf.zeros([n, 1]);
  const step = () =>
    tf.tidy(() => {
      const residual = tf.sub(tf.matMul(x, theta), y);
      return tf.sub(theta, tf.mul(tf.matMul(x, residual, true, false), 0.01 / m));
    });
  try {
    return await timeOp(step, gdStepFlops(m, n));
  } finally {
    x.dispose();
    y.dispose();
    theta.dispose();
  }
}
