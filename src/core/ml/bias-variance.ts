/**
 * Reference float64 math of lesson 7 (bias and variance): regularized linear
 * regression, its gradient-descent trainer, polynomial features, learning
 * curves and validation curves. X is an m x n design matrix whose first
 * column is all ones, y the m targets, theta the n parameters; theta[0] (the
 * intercept) is never regularized. No function here mutates its arguments.
 */
import { columnCount, dot, matVec, transpose, type Matrix, type Vector } from "./linalg";
import { descend, type GradientDescentResult } from "./gradient-descent";

/** The lambdas of the validation curve (lesson 7), smallest first. */
export const LAMBDAS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

/** Regularized cost and its gradient at one theta. */
export interface CostAndGradient {
  /** J(theta) = 1/(2m) sum_i (x_i . theta - y_i)^2 + lambda/(2m) sum_{j >= 1} theta_j^2, in squared units of y. */
  cost: number;
  /** dJ/dtheta (length n): 1/m X^T (X theta - y), plus lambda/m theta_j for j >= 1. */
  grad: number[];
}

function checkShapes(X: Matrix, y: Vector, theta: Vector, fn: string): void {
  if (X.length !== y.length) throw new RangeError(`${fn}: X has ${X.length} rows but y has ${y.length} entries`);
  if (X.length === 0) throw new RangeError(`${fn}: X has no rows`);
  if (columnCount(X) !== theta.length)
    throw new RangeError(`${fn}: X has ${columnCount(X)} columns but theta has ${theta.length} entries`);
}

/** Regularized linear-regression cost and gradient (see CostAndGradient). Throws a RangeError on mismatched shapes or m = 0. */
export function linearRegCostFunction(X: Matrix, y: Vector, theta: Vector, lambda: number): CostAndGradient {
  checkShapes(X, y, theta, "linearRegCostFunction");
  const m = y.length;
  const r = matVec(X, theta).map((p, i) => p - y[i]);
  const penalty = theta.slice(1).reduce((s, t) => s + t * t, 0);
  const grad = matVec(transpose(X), r).map((g, j) => g / m + (j === 0 ? 0 : (lambda / m) * theta[j]));
  return { cost: dot(r, r) / (2 * m) + (lambda / (2 * m)) * penalty, grad };
}

/**
 * `iterations` steps of batch gradient descent on the regularized cost from
 * `theta` with learning rate `alpha`; history[k] is the regularized cost
 * after step k + 1.
 */
export function trainLinearReg(
  X: Matrix,
  y: Vector,
  theta: Vector,
  lambda: number,
  alpha: number,
  iterations: number,
): GradientDescentResult {
  return descend(theta, alpha, iterations, (current) => linearRegCostFunction(X, y, current, lambda));
}

/** Unregularized error J(theta) with lambda = 0: half the mean squared error, how models are compared. */
export function squaredError(X: Matrix, y: Vector, theta: Vector): number {
  return linearRegCostFunction(X, y, theta, 0).cost;
}

/** Powers x^1 ... x^p of each value: m rows of p numbers (no column of ones). */
export function polyFeatures(x: Vector, p: number): number[][] {
  return x.map((v) => Array.from({ length: p }, (_, k) => v ** (k + 1)));
}

/**
 * Train and validation errors (lambda = 0 in the error, whatever lambda
 * trained the model) of models trained on the first i training rows, for
 * i = 1..m, each from zeros.
 */
export function learningCurve(
  X: Matrix,
  y: Vector,
  Xval: Matrix,
  yval: Vector,
  lambda: number,
  alpha: number,
  iterations: number,
): { errorTrain: number[]; errorVal: number[] } {
  const errorTrain: number[] = [];
  const errorVal: number[] = [];
  const n = columnCount(X);
  for (let i = 1; i <= y.length; i++) {
    const Xi = X.slice(0, i);
    const yi = y.slice(0, i);
    const { theta } = trainLinearReg(Xi, yi, new Array<number>(n).fill(0), lambda, alpha, iterations);
    errorTrain.push(squaredError(Xi, yi, theta));
    errorVal.push(squaredError(Xval, yval, theta));
  }
  return { errorTrain, errorVal };
}

/** Train and validation errors (lambda = 0 in the error) of a model trained from zeros with each lambda. */
export function validationCurve(
  X: Matrix,
  y: Vector,
  Xval: Matrix,
  yval: Vector,
  lambdas: readonly number[],
  alpha: number,
  iterations: number,
): { errorTrain: number[]; errorVal: number[] } {
  const n = columnCount(X);
  const thetas = lambdas.map(
    (lambda) => trainLinearReg(X, y, new Array<number>(n).fill(0), lambda, alpha, iterations).theta,
  );
  return {
    errorTrain: thetas.map((t) => squaredError(X, y, t)),
    errorVal: thetas.map((t) => squaredError(Xval, yval, t)),
  };
}
