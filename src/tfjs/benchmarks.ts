/**
 * The tfjs side of the matrix-multiply benchmark, on whatever backend is
 * active: the same seeded n x n inputs as the JavaScript side, one warm-up
 * (shader compilation, wasm kernels), then repeats read back only once.
 */
import * as tf from "@tensorflow/tfjs-core";
import { BENCHMARK_BUDGET, gflopsOf, seededSquare } from "../core/ml/benchmark";

/** Times tf.matMul of two seeded n x n float32 matrices. Disposes every tensor it makes. */
export async function timeTfjsMatMul(n: number): Promise<{ msPerOp: number; gflops: number; repeats: number }> {
  const a = tf.tensor2d(Float32Array.from(seededSquare(n, 1)), [n, n]);
  const b = tf.tensor2d(Float32Array.from(seededSquare(n, 2)), [n, n]);
  try {
    const warm = tf.matMul(a, b);
    await warm.data();
    warm.dispose();
    // Estimate one multiply, then queue enough of them to fill the budget and read back once.
    const probeStart = performance.now();
    const probe = tf.matMul(a, b);
    await probe.data();
    probe.dispose();
    const estimate = Math.max(performance.now() - probeStart, 0.01);
    const repeats = Math.max(1, Math.min(BENCHMARK_BUDGET.maxRepeats, Math.ceil(BENCHMARK_BUDGET.minMs / estimate)));
    const start = performance.now();
    let last: tf.Tensor | null = null;
    for (let i = 0; i < repeats; i++) {
      last?.dispose();
      last = tf.matMul(a, b);
    }
    await last!.data();
    last!.dispose();
    const msPerOp = (performance.now() - start) / repeats;
    return { msPerOp, gflops: gflopsOf(n, msPerOp), repeats };
  } finally {
    a.dispose();
    b.dispose();
  }
}
