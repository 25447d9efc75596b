/**
 * Reference float64 math of multi-class classification by one-vs-all
 * regularized logistic regression (lesson 5). X is an m x n design matrix
 * whose first column is all ones; labels are integers 0..K-1; a model is a
 * K x n matrix Theta whose row k scores "is class k". No function here
 * mutates its arguments.
 */
import { columnCount, matVec, type Matrix, type Vector } from "./linalg";

/** The logistic function 1 / (1 + e^-z), in (0, 1); saturates to 0 or 1 for |z| > ~37. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** log(sigmoid(z)), computed without overflow or log(0) for large |z|. */
function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

/** Cost and gradient of one binary classifier. */
export interface CostAndGradient {
  cost: number;
  /** Same length as theta. */
  grad: number[];
}

/**
 * Regularized logistic-regression cost and gradient, vectorized:
 * J = -(1/m) sum_i [y_i log h_i + (1 - y_i) log(1 - h_i)] + lambda/(2m) sum_{j>=1} theta_j^2,
 * grad = (1/m) X^T (h - y) + (lambda/m) [0, theta_1, ..., theta_{n-1}], with h = sigmoid(X theta).
 * y holds 0/1 targets. The intercept theta_0 is not regularized. The log terms are
 * evaluated as log-sigmoids so a confident wrong prediction gives a large finite cost.
 */
export function lrCostFunction(X: Matrix, y: Vector, theta: Vector, lambda: number): CostAndGradient {
  const m = X.length;
  if (m === 0 || m !== y.length) throw new RangeError(`lrCostFunction: X has ${m} rows but y has ${y.length} entries`);
  if (columnCount(X) !== theta.length)
    throw new RangeError(`lrCostFunction: X has ${X[0].length} columns but theta has ${theta.length} entries`);
  const z = matVec(X, theta);
  let data = 0;
  for (let i = 0; i < m; i++) data -= y[i] * logSigmoid(z[i]) + (1 - y[i]) * logSigmoid(-z[i]);
  let penalty = 0;
  for (let j = 1; j < theta.length; j++) penalty += theta[j] * theta[j];
  const n = theta.length;
  const grad = new Array<number>(n).fill(0);
  for (let i = 0; i < m; i++) {
    const error = sigmoid(z[i]) - y[i];
    const row = X[i];
    for (let j = 0; j < n; j++) grad[j] += error * row[j];
  }
  for (let j = 0; j < n; j++) grad[j] = grad[j] / m + (j === 0 ? 0 : (lambda / m) * theta[j]);
  return { cost: data / m + (lambda / (2 * m)) * penalty, grad };
}

/** 0/1 targets "label === k" for one classifier of one-vs-all. */
export function binaryTargets(labels: Vector, k: number): number[] {
  return labels.map((label) => (label === k ? 1 : 0));
}

/**
 * Mean over the K classifiers of their regularized costs (the loss one-vs-all
 * records per step). Theta is K x n, labels are 0..K-1.
 */
export function oneVsAllCost(X: Matrix, labels: Vector, Theta: Matrix, lambda: number): number {
  let total = 0;
  Theta.forEach((theta, k) => (total += lrCostFunction(X, binaryTargets(labels, k), theta, lambda).cost));
  return total / Theta.length;
}

/**
 * Trains K = initialTheta.length classifiers by `iterations` steps of batch
 * gradient descent with learning rate alpha, classifier k on targets
 * (label === k), all from the rows of initialTheta (K x n). Records after every
 * step (1-based) the mean regularized cost `oneVsAllCost`. Returns Theta as K rows.
 */
export function oneVsAll(
  X: Matrix,
  labels: Vector,
  initialTheta: Matrix,
  lambda: number,
  alpha: number,
  iterations: number,
): { theta: number[][]; history: { step: number; loss: number }[] } {
  const targets = initialTheta.map((_, k) => binaryTargets(labels, k));
  let Theta = initialTheta.map((row) => row.slice());
  const history: { step: number; loss: number }[] = [];
  let fits = Theta.map((theta, k) => lrCostFunction(X, targets[k], theta, lambda));
  for (let step = 1; step <= iterations; step++) {
    Theta = Theta.map((theta, k) => theta.map((t, j) => t - alpha * fits[k].grad[j]));
    fits = Theta.map((theta, k) => lrCostFunction(X, targets[k], theta, lambda));
    history.push({ step, loss: fits.reduce((s, f) => s + f.cost, 0) / Theta.length });
  }
  return { theta: Theta, history };
}

/** Index of the largest entry (the first one on ties). */
export function argMax(values: Vector): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Predicted label of each row of X: the class whose classifier scores highest (argmax_k Theta_k . x). */
export function predictOneVsAll(Theta: Matrix, X: Matrix): number[] {
  return X.map((x) => argMax(matVec(Theta, x)));
}

/** Fraction of predictions equal to the labels, in [0, 1] (NaN for no rows). */
export function accuracy(predicted: Vector, labels: Vector): number {
  if (predicted.length !== labels.length)
    throw new RangeError(`accuracy: ${predicted.length} predictions for ${labels.length} labels`);
  let hits = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) hits++;
  return labels.length === 0 ? Number.NaN : hits / labels.length;
}

/** K x K counts: confusion[actual][predicted]. Labels outside 0..K-1 are ignored. */
export function confusionMatrix(predicted: Vector, labels: Vector, K: number): number[][] {
  const counts = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  labels.forEach((actual, i) => {
    const p = predicted[i];
    if (actual >= 0 && actual < K && p >= 0 && p < K) counts[actual][p]++;
  });
  return counts;
}
