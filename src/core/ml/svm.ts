/**
 * Kernel support vector machines in float64, the reference for lesson 8 and
 * the "svm" experiment task. The model is f(x) = sum_j beta_j k'(x_j, x)
 * over the training points x_j, with k' = k + 1 (the constant 1 plays the
 * role of a regularized intercept). Training minimises the regularized hinge
 * objective by full-batch sub-gradient steps in function space with step
 * 1/t (kernel Pegasos). Labels are -1 or +1; matrices are row-major
 * `number[][]`. None of these functions mutate their arguments.
 */
import { dot, matVec, type Matrix } from "./linalg";
import { squaredDistance } from "./kmeans";

/** A similarity between two points. */
export type Kernel = (a: readonly number[], b: readonly number[]) => number;

/** exp(-|x1 - x2|^2 / (2 sigma^2)) in (0, 1]; 1 when x1 = x2. sigma > 0 is in data units. */
export function gaussianKernel(x1: readonly number[], x2: readonly number[], sigma: number): number {
  return Math.exp(-squaredDistance(x1, x2) / (2 * sigma * sigma));
}

/** The linear kernel x1 . x2 (a linear SVM). */
export const linearKernel: Kernel = (a, b) => dot(a, b);

/** G[i][j] = kernel(A[i], B[j]) + 1: rows are the points of A, columns the landmarks B. */
export function gramMatrix(A: Matrix, B: Matrix, kernel: Kernel): number[][] {
  return A.map((a) => B.map((b) => kernel(a, b) + 1));
}

/** Labels 0/1 (as stored in the datasets) to -1/+1. */
export function signedLabels(labels: readonly number[]): number[] {
  return labels.map((v) => (v > 0 ? 1 : -1));
}

/**
 * J(beta) = C/m sum_i max(0, 1 - y_i f_i) + 1/2 beta^T K beta with f = K beta,
 * for the m x m training Gram matrix K (from `gramMatrix`). The hinge is
 * averaged over examples (the classic course sums it), so C does not grow with m.
 */
export function svmObjective(K: Matrix, y: readonly number[], beta: readonly number[], C: number): number {
  const f = matVec(K, beta);
  let hinge = 0;
  f.forEach((fi, i) => (hinge += Math.max(0, 1 - y[i] * fi)));
  return (C / y.length) * hinge + dot(beta, f) / 2;
}

/**
 * `iterations` steps from beta = 0: with f = K beta and
 * a_i = 1 if y_i f_i < 1 else 0 (examples inside the margin),
 * beta <- (1 - 1/t) beta + (1/t) (C/m) y * a. So beta_i / (y_i C/m) is the
 * fraction of steps at which example i was inside the margin: the dual
 * variable, in [0, C/m]. history[t - 1] = { step: t, loss: J after step t }.
 */
export function svmTrain(
  K: Matrix,
  y: readonly number[],
  C: number,
  iterations: number,
): { theta: number[]; history: { step: number; loss: number }[] } {
  const m = y.length;
  let beta = new Array<number>(m).fill(0);
  const history: { step: number; loss: number }[] = [];
  for (let t = 1; t <= iterations; t++) {
    const f = matVec(K, beta);
    beta = beta.map((b, i) => (1 - 1 / t) * b + (y[i] * f[i] < 1 ? (C / m / t) * y[i] : 0));
    history.push({ step: t, loss: svmObjective(K, y, beta, C) });
  }
  return { theta: beta, history };
}

/** Fraction of rows of G (Gram rows of new points against the landmarks) with sign(G beta) = y, 0 counting as +1. */
export function svmAccuracy(G: Matrix, y: readonly number[], beta: readonly number[]): number {
  if (G.length === 0) return Number.NaN;
  const f = matVec(G, beta);
  return f.filter((fi, i) => (fi >= 0 ? 1 : -1) === y[i]).length / y.length;
}

/**
 * The exact minimiser of `svmObjective`, to check how far `svmTrain` is from
 * convergence: dual coordinate ascent (Hsieh et al., 2008) on
 * max sum(alpha) - 1/2 sum_ij alpha_i alpha_j y_i y_j K_ij, 0 <= alpha_i <= C/m
 * (no equality constraint: the intercept is inside K through the +1), with
 * beta_i = y_i alpha_i. Sweeps until no alpha_i moves by more than
 * `tol * C/m` (or `maxSweeps`). Returns beta and the dual objective, a lower
 * bound on J: J(beta) - dual is the duality gap.
 */
export function svmExact(
  K: Matrix,
  y: readonly number[],
  C: number,
  { tol = 1e-12, maxSweeps = 20000 }: { tol?: number; maxSweeps?: number } = {},
): { beta: number[]; dual: number } {
  const m = y.length;
  const box = C / m;
  const alpha = new Array<number>(m).fill(0);
  const f = new Array<number>(m).fill(0);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let largest = 0;
    for (let i = 0; i < m; i++) {
      const next = Math.min(box, Math.max(0, alpha[i] + (1 - y[i] * f[i]) / K[i][i]));
      const delta = next - alpha[i];
      if (delta === 0) continue;
      for (let r = 0; r < m; r++) f[r] += delta * y[i] * K[r][i];
      alpha[i] = next;
      largest = Math.max(largest, Math.abs(delta));
    }
    if (largest <= tol * box) break;
  }
  const beta = alpha.map((a, i) => a * y[i]);
  const dual = alpha.reduce((s, a) => s + a, 0) - dot(beta, f) / 2;
  return { beta, dual };
}
