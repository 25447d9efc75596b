/**
 * Reference float64 update rules of first-order optimizers, written to match
 * TensorFlow.js 4.22's `tf.train` optimizers formula for formula (see
 * node_modules/@tensorflow/tfjs-core/dist/optimizers/*_optimizer.js), and the
 * L2-regularized logistic-regression loss lesson 11 minimises with them.
 * Parameters, gradients and state vectors are plain arrays of the same length
 * n. Every step is pure: it returns new params and a new state and mutates
 * nothing.
 */
import { dot, solve, type Matrix, type Vector } from "./linalg";

/** What one optimizer step returns. */
export interface Step<S> {
  params: number[];
  state: S;
}

/** Plain gradient descent: p := p - lr g (tf.train.sgd). Stateless. */
export function sgdStep(
  params: Vector,
  grads: Vector,
  state: Record<string, never>,
  hp: { learningRate: number },
): Step<Record<string, never>> {
  return { params: params.map((p, i) => p - hp.learningRate * grads[i]), state };
}

/** Heavy-ball momentum as in tf.train.momentum (useNesterov = false): v := mu v + g; p := p - lr v. */
export function momentumStep(
  params: Vector,
  grads: Vector,
  state: { velocity: number[] },
  hp: { learningRate: number; momentum: number },
): Step<{ velocity: number[] }> {
  const velocity = state.velocity.map((v, i) => hp.momentum * v + grads[i]);
  return { params: params.map((p, i) => p - hp.learningRate * velocity[i]), state: { velocity } };
}

/**
 * RMSProp as in tf.train.rmsprop with momentum 0 and centered = false:
 * s := rho s + (1 - rho) g^2; p := p - lr g / sqrt(s + eps). Note eps is inside the
 * square root (Hinton's lecture and many texts write sqrt(s) + eps).
 */
export function rmspropStep(
  params: Vector,
  grads: Vector,
  state: { meanSquare: number[] },
  hp: { learningRate: number; decay: number; epsilon: number },
): Step<{ meanSquare: number[] }> {
  const meanSquare = state.meanSquare.map((s, i) => hp.decay * s + (1 - hp.decay) * grads[i] ** 2);
  return {
    params: params.map((p, i) => p - (hp.learningRate * grads[i]) / Math.sqrt(meanSquare[i] + hp.epsilon)),
    state: { meanSquare },
  };
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1), which tf.train.adam follows exactly:
 * t := t + 1; m := b1 m + (1 - b1) g; v := b2 v + (1 - b2) g^2;
 * p := p - lr mhat / (sqrt(vhat) + eps) with mhat = m / (1 - b1^t), vhat = v / (1 - b2^t).
 */
export function adamStep(
  params: Vector,
  grads: Vector,
  state: { m: number[]; v: number[]; t: number },
  hp: { learningRate: number; beta1: number; beta2: number; epsilon: number },
): Step<{ m: number[]; v: number[]; t: number }> {
  const t = state.t + 1;
  const m = state.m.map((mi, i) => hp.beta1 * mi + (1 - hp.beta1) * grads[i]);
  const v = state.v.map((vi, i) => hp.beta2 * vi + (1 - hp.beta2) * grads[i] ** 2);
  const c1 = 1 - hp.beta1 ** t;
  const c2 = 1 - hp.beta2 ** t;
  return {
    params: params.map((p, i) => p - (hp.learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + hp.epsilon)),
    state: { m, v, t },
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Mean cross-entropy of logistic regression without intercept on the given rows (all when omitted)
 * plus (lambda/2) ||w||^2, and its gradient (1/b) X_B^T (sigmoid(X_B w) - y_B) + lambda w.
 */
export function logisticLossAndGradient(
  X: Matrix,
  y: Vector,
  w: Vector,
  lambda: number,
  rows?: readonly number[],
): { loss: number; grad: number[] } {
  const idx = rows ?? X.map((_, i) => i);
  const grad = w.map(() => 0);
  let loss = 0;
  for (const i of idx) {
    const z = dot(X[i], w);
    // log(1 + e^z) - y z, written to stay finite for large |z|.
    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
    const e = sigmoid(z) - y[i];
    X[i].forEach((x, j) => (grad[j] += e * x));
  }
  const b = idx.length;
  return { loss: loss / b + (lambda / 2) * dot(w, w), grad: grad.map((g, j) => g / b + lambda * w[j]) };
}

/** The unique minimiser of `logisticLossAndGradient` over all rows (lambda > 0), by Newton's method to 1e-12. */
export function logisticOptimum(X: Matrix, y: Vector, lambda: number, start?: Vector): number[] {
  let w = start ? start.slice() : X[0].map(() => 0);
  for (let iter = 0; iter < 100; iter++) {
    const { grad } = logisticLossAndGradient(X, y, w, lambda);
    const H = w.map((_, a) => w.map((__, b) => (a === b ? lambda : 0)));
    for (const row of X) {
      const s = sigmoid(dot(row, w));
      const c = (s * (1 - s)) / X.length;
      row.forEach((xa, a) => row.forEach((xb, b) => (H[a][b] += c * xa * xb)));
    }
    const delta = solve(H, grad);
    w = w.map((wi, j) => wi - delta[j]);
    if (Math.max(...delta.map(Math.abs)) < 1e-12) break;
  }
  return w;
}

/** The optimizers lesson 11 compares, by the numeric code an experiment's params use. */
export const OPTIMIZER_CODES = { 0: "sgd", 1: "momentum", 2: "rmsprop", 3: "adam" } as const;
export type OptimizerName = (typeof OPTIMIZER_CODES)[keyof typeof OPTIMIZER_CODES];

/** Hyper-parameters of every optimizer; each uses the ones it needs. */
export interface OptimizerConfig {
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number;
  decay: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  lambda: number;
}

/** Final weights, the full-data loss after every step, and the path of weights (start included). */
export interface OptimizerRun {
  w: number[];
  history: { step: number; loss: number }[];
  path: number[][];
}

/** Runs one step per batch (lists of row indices) with the chosen optimizer, from w0. */
export function trainWithOptimizer(
  X: Matrix,
  y: Vector,
  w0: Vector,
  batches: readonly (readonly number[])[],
  config: OptimizerConfig,
): OptimizerRun {
  let w = w0.slice();
  const zeros = () => w0.map(() => 0);
  let state: unknown = { velocity: zeros(), meanSquare: zeros(), m: zeros(), v: zeros(), t: 0 };
  const history: { step: number; loss: number }[] = [];
  const path = [w.slice()];
  batches.forEach((rows, k) => {
    const { grad } = logisticLossAndGradient(X, y, w, config.lambda, rows);
    const step = pickStep(config.optimizer)(w, grad, state as never, config);
    w = step.params;
    state = step.state;
    path.push(w.slice());
    history.push({ step: k + 1, loss: logisticLossAndGradient(X, y, w, config.lambda).loss });
  });
  return { w, history, path };
}

function pickStep(name: OptimizerName) {
  switch (name) {
    case "sgd":
      return sgdStep;
    case "momentum":
      return momentumStep;
    case "rmsprop":
      return rmspropStep;
    case "adam":
      return adamStep;
  }
}
