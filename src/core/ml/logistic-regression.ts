/**
 * Reference float64 math of (regularized) logistic regression: the model
 * h(x) = sigmoid(theta^T x) is the probability that y = 1. X is the m x n
 * design matrix (first column all ones), y the m labels in {0, 1}, theta the
 * n parameters, lambda >= 0 the L2 regularization strength (theta_0, the
 * intercept, is never regularized). No function here mutates its arguments.
 */
import { columnCount, matVec, type Matrix, type Vector } from "./linalg";
import { descend, type GradientDescentResult } from "./gradient-descent";

/** The logistic function 1 / (1 + e^-z), in (0, 1); 0.5 at z = 0. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** log(1 + e^z) without overflow for large |z|. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function checkShapes(X: Matrix, y: Vector, theta: Vector, fn: string): void {
  if (X.length !== y.length) throw new RangeError(`${fn}: X has ${X.length} rows but y has ${y.length} entries`);
  if (X.length === 0) throw new RangeError(`${fn}: X has no rows`);
  const n = columnCount(X);
  if (n !== theta.length) throw new RangeError(`${fn}: X has ${n} columns but theta has ${theta.length} entries`);
}

/**
 * Cross-entropy cost J = (1/m) sum_i [-y_i log h_i - (1 - y_i) log(1 - h_i)]
 * + lambda/(2m) sum_{j>=1} theta_j^2, in nats per example. Computed as
 * (1/m) sum_i [softplus(z_i) - y_i z_i] with z = X theta, which is the same
 * value but finite even where h_i rounds to 0 or 1.
 */
export function logisticCost(X: Matrix, y: Vector, theta: Vector, lambda = 0): number {
  checkShapes(X, y, theta, "logisticCost");
  const z = matVec(X, theta);
  const m = X.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += softplus(z[i]) - y[i] * z[i];
  let penalty = 0;
  for (let j = 1; j < theta.length; j++) penalty += theta[j] * theta[j];
  return total / m + (lambda / (2 * m)) * penalty;
}

/** Gradient of `logisticCost`: (1/m) X^T (h - y) + (lambda/m) theta with theta_0's penalty term left out. */
export function logisticGradient(X: Matrix, y: Vector, theta: Vector, lambda = 0): number[] {
  checkShapes(X, y, theta, "logisticGradient");
  const m = X.length;
  const errors = matVec(X, theta).map((z, i) => sigmoid(z) - y[i]);
  return theta.map((t, j) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += errors[i] * X[i][j];
    return s / m + (j === 0 ? 0 : (lambda / m) * t);
  });
}

/**
 * Batch gradient descent on `logisticCost`: `iterations` simultaneous updates
 * theta := theta - alpha * gradient, from a copy of `theta`; records the cost
 * (with the penalty) after every step. Does not mutate `theta`.
 */
export function logisticGradientDescent(
  X: Matrix,
  y: Vector,
  theta: Vector,
  alpha: number,
  iterations: number,
  lambda = 0,
): GradientDescentResult {
  return descend(theta, alpha, iterations, (current) => ({
    cost: logisticCost(X, y, current, lambda),
    grad: logisticGradient(X, y, current, lambda),
  }));
}

/** Predicted labels: 1 where sigmoid(x_i . theta) >= 0.5 (that is, x_i . theta >= 0), else 0. */
export function predictLabels(X: Matrix, theta: Vector): number[] {
  return matVec(X, theta).map((z) => (z >= 0 ? 1 : 0));
}

/** Fraction of predictions equal to the labels, in [0, 1] (NaN for no examples). */
export function accuracy(predicted: Vector, y: Vector): number {
  if (predicted.length !== y.length)
    throw new RangeError(`accuracy: ${predicted.length} predictions for ${y.length} labels`);
  if (y.length === 0) return Number.NaN;
  let hits = 0;
  for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) hits += 1;
  return hits / y.length;
}

/**
 * Polynomial features of two inputs up to total degree `degree`:
 * [1, x1, x2, x1^2, x1 x2, x2^2, x1^3, ..., x2^degree], ordered by degree d,
 * then by the power of x2 from 0 to d (the term is x1^(d-k) x2^k).
 * (degree + 1)(degree + 2) / 2 numbers: 28 for degree 6.
 */
export function mapFeature(x1: number, x2: number, degree = 6): number[] {
  if (!Number.isInteger(degree) || degree < 0)
    throw new RangeError(`degree must be a non-negative integer, got ${String(degree)}`);
  const out: number[] = [];
  for (let d = 0; d <= degree; d++) {
    for (let k = 0; k <= d; k++) out.push(x1 ** (d - k) * x2 ** k);
  }
  return out;
}
