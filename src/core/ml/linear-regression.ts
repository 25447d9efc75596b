/**
 * Reference float64 math of linear regression (the model h(x) = theta^T x).
 * X is the m x n design matrix (first column usually all ones, see
 * `addOnes`), y the m targets, theta the n parameters. No function here
 * mutates its arguments.
 */
import { descend, type GradientDescentResult } from "./gradient-descent";
import { columnCount, dot, matVec, solve, transpose, type Matrix, type Vector } from "./linalg";

export type { GradientDescentResult, LossPoint } from "./gradient-descent";

function checkShapes(X: Matrix, y: Vector, theta: Vector, fn: string): void {
  const n = columnCount(X);
  if (X.length !== y.length) throw new RangeError(`${fn}: X has ${X.length} rows but y has ${y.length} entries`);
  if (X.length === 0) throw new RangeError(`${fn}: X has no rows`);
  if (n !== theta.length) throw new RangeError(`${fn}: X has ${n} columns but theta has ${theta.length} entries`);
}

/** Residuals X theta - y (length m). */
function residuals(X: Matrix, y: Vector, theta: Vector): number[] {
  return matVec(X, theta).map((p, i) => p - y[i]);
}

/**
 * Mean squared error cost J(theta) = 1/(2m) * sum_i (x_i . theta - y_i)^2,
 * in squared units of y. Throws a RangeError on mismatched shapes or m = 0.
 */
export function computeCost(X: Matrix, y: Vector, theta: Vector): number {
  checkShapes(X, y, theta, "computeCost");
  const r = residuals(X, y, theta);
  return dot(r, r) / (2 * X.length);
}

/** Gradient of J at theta: (1/m) X^T (X theta - y), a vector of length n. */
export function computeGradient(X: Matrix, y: Vector, theta: Vector): number[] {
  checkShapes(X, y, theta, "computeGradient");
  const r = residuals(X, y, theta);
  const m = X.length;
  return theta.map((_, j) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += X[i][j] * r[i];
    return s / m;
  });
}

/**
 * Batch gradient descent: `iterations` simultaneous updates
 * theta := theta - alpha * gradient(theta), starting from a copy of `theta`.
 * `alpha` is the learning rate (per step, unitless). Records J after every
 * step. Does not mutate `theta`.
 */
export function gradientDescent(
  X: Matrix,
  y: Vector,
  theta: Vector,
  alpha: number,
  iterations: number,
): GradientDescentResult {
  return descend(theta, alpha, iterations, (current) => ({
    cost: computeCost(X, y, current),
    grad: computeGradient(X, y, current),
  }));
}

/**
 * Closed-form least squares: the theta minimising J, solving the normal
 * equations (X^T X) theta = X^T y by Gaussian elimination with partial
 * pivoting. Meant for small n (it forms the n x n matrix X^T X). Throws a
 * RangeError when X^T X is singular (e.g. a constant or duplicated column).
 */
export function normalEquation(X: Matrix, y: Vector): number[] {
  if (X.length !== y.length)
    throw new RangeError(`normalEquation: X has ${X.length} rows but y has ${y.length} entries`);
  const Xt = transpose(X);
  const XtX = Xt.map((a) => Xt.map((b) => dot(a, b)));
  const Xty = matVec(Xt, y);
  return solve(XtX, Xty);
}
