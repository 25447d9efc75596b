/**
 * The plain-JavaScript side of the matrix-multiply benchmark, and the
 * arithmetic shared with the tfjs side: seeded inputs, repeat counts and
 * GFLOP/s. Timing is injected (`now`, in milliseconds).
 */
import { createRng } from "./prng";

/** Flops of one n x n by n x n multiply: n^3 multiply-adds. */
export const matMulFlops = (n: number): number => 2 * n ** 3;

/** Throughput in GFLOP/s of one multiply that took `ms` milliseconds. */
export const gflopsOf = (n: number, ms: number): number => matMulFlops(n) / (ms * 1e6);

/** Row-major n x n values, uniform in [-1, 1), from a seeded generator: both sides multiply the same matrices. */
export function seededSquare(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n * n }, () => rng.uniform(-1, 1));
}

/** C = A B for row-major n x n matrices, i-k-j loop order (streams rows of B). Pure. */
export function matMulFlat(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      const rowB = k * n;
      const rowC = i * n;
      for (let j = 0; j < n; j++) c[rowC + j] += aik * b[rowB + j];
    }
  }
  return c;
}

/** Repeats a measured operation until it has run at least `minMs` in total (at most `maxRepeats` times). */
export const BENCHMARK_BUDGET = { minMs: 200, maxRepeats: 20 } as const;

/** Times `matMulFlat` on seeded n x n inputs: one warm-up, then repeats within BENCHMARK_BUDGET. */
export function timeJsMatMul(n: number, now: () => number): { msPerOp: number; gflops: number; repeats: number } {
  const a = seededSquare(n, 1);
  const b = seededSquare(n, 2);
  matMulFlat(a, b, n);
  const start = now();
  let repeats = 0;
  while (repeats < BENCHMARK_BUDGET.maxRepeats && (repeats === 0 || now() - start < BENCHMARK_BUDGET.minMs)) {
    matMulFlat(a, b, n);
    repeats += 1;
  }
  const msPerOp = (now() - start) / repeats;
  return { msPerOp, gflops: gflopsOf(n, msPerOp), repeats };
}

/** Flops of one batch gradient-descent step on an m x n design matrix: X·θ and Xᵀ·r, 2mn multiply-adds each. */
export const gdStepFlops = (m: number, n: number): number => 4 * m * n;

/**
 * One batch gradient-descent step of linear regression, as the lessons write
 * it: r = X θ - y, θ <- θ - (alpha / m) Xᵀ r. `x` is row-major m x n.
 * Mutates `theta` (length n); returns it.
 */
export function gdStepFlat(x: Float64Array, y: Float64Array, theta: Float64Array, m: number, n: number, alpha: number) {
  const grad = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    let r = -y[i];
    const row = i * n;
    for (let j = 0; j < n; j++) r += x[row + j] * theta[j];
    for (let j = 0; j < n; j++) grad[j] += x[row + j] * r;
  }
  for (let j = 0; j < n; j++) theta[j] -= (alpha / m) * grad[j];
  return theta;
}

/** Row-major m x n values, uniform in [-1, 1), and m targets, from seeded generators (both sides use the same data). */
export function seededRegression(m: number, n: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(3);
  const x = Float64Array.from({ length: m * n }, () => rng.uniform(-1, 1));
  const y = Float64Array.from({ length: m }, () => rng.uniform(-1, 1));
  return { x, y };
}

/** Times `gdStepFlat` on seeded m x n data: one warm-up, then repeats within BENCHMARK_BUDGET. */
export function timeJsGdStep(m: number, n: number, now: () => number) {
  const { x, y } = seededRegression(m, n);
  const theta = new Float64Array(n);
  gdStepFlat(x, y, theta, m, n, 0.01);
  const start = now();
  let repeats = 0;
  while (repeats < BENCHMARK_BUDGET.maxRepeats && (repeats === 0 || now() - start < BENCHMARK_BUDGET.minMs)) {
    gdStepFlat(x, y, theta, m, n, 0.01);
    repeats += 1;
  }
  const msPerOp = (now() - start) / repeats;
  return { msPerOp, gflops: gdStepFlops(m, n) / (msPerOp * 1e6), repeats };
}
