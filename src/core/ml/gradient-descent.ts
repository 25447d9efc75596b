/**
 * Batch gradient descent on a flat parameter vector, shared by the reference
 * math of every lesson that trains with it (linear and logistic regression,
 * regularized regression, neural networks).
 */
import type { Vector } from "./linalg";

/** Loss by step as gradient descent records it: `loss` is the cost J(theta) after step `step` (1-based). */
export interface LossPoint {
  step: number;
  loss: number;
}

/** Final parameters and the cost after each step (`history[i].step === i + 1`). */
export interface GradientDescentResult {
  theta: number[];
  history: LossPoint[];
}

/** The cost J(theta) and its gradient dJ/dtheta (same length as theta). */
export type CostAndGradient = (theta: number[]) => { cost: number; grad: number[] };

/**
 * `iterations` simultaneous updates theta := theta - alpha * grad(theta), from
 * a copy of `theta0`; history[k] is the cost after step k + 1. Each step
 * evaluates `costAndGradient` once: the cost at the new point and the gradient
 * for the next step come from the same call. Does not mutate `theta0`.
 * Throws a RangeError when `iterations` is not a non-negative integer.
 */
export function descend(
  theta0: Vector,
  alpha: number,
  iterations: number,
  costAndGradient: CostAndGradient,
): GradientDescentResult {
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new RangeError(`iterations must be a non-negative integer, got ${String(iterations)}`);
  }
  let theta = theta0.slice();
  const history: LossPoint[] = [];
  let { grad } = costAndGradient(theta);
  for (let step = 1; step <= iterations; step++) {
    theta = theta.map((t, j) => t - alpha * grad[j]);
    const next = costAndGradient(theta);
    history.push({ step, loss: next.cost });
    grad = next.grad;
  }
  return { theta, history };
}
