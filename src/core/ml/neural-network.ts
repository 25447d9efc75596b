/**
 * Reference float64 math of a neural network with one hidden layer of
 * sigmoid units and sigmoid outputs (lessons 5 and 6): forward pass,
 * regularized cross-entropy cost, backpropagation, random initialization
 * and batch gradient descent. Inputs X are m x n WITHOUT the column of ones
 * (each layer adds its own bias unit); labels are integers 0..K-1.
 *
 * Parameters travel flattened ("unrolled"): Theta1 (h x (n + 1)) row by row,
 * then Theta2 (K x (h + 1)) row by row, where column 0 of each Theta holds
 * the bias weights. No function here mutates its arguments.
 */
import { descend, type GradientDescentResult } from "./gradient-descent";
import type { Matrix, Vector } from "./linalg";
import { argMax, sigmoid } from "./one-vs-all";
import type { Rng } from "./prng";

/** Layer sizes [inputs n, hidden units h, outputs K]. */
export type LayerSizes = readonly [number, number, number];

/** The two weight matrices of a network. */
export interface NetworkWeights {
  /** h x (n + 1). */
  Theta1: number[][];
  /** K x (h + 1). */
  Theta2: number[][];
}

/** Number of flattened parameters: h (n + 1) + K (h + 1). */
export function parameterCount([n, h, K]: LayerSizes): number {
  return h * (n + 1) + K * (h + 1);
}

/** Reshapes flattened parameters into Theta1 and Theta2 (row-major). Throws on a wrong length. */
export function reshapeParams(params: Vector, sizes: LayerSizes): NetworkWeights {
  const [n, h, K] = sizes;
  if (params.length !== parameterCount(sizes))
    throw new RangeError(`expected ${parameterCount(sizes)} parameters, got ${params.length}`);
  const rows = (offset: number, count: number, width: number) =>
    Array.from({ length: count }, (_, r) => params.slice(offset + r * width, offset + (r + 1) * width));
  return { Theta1: rows(0, h, n + 1), Theta2: rows(h * (n + 1), K, h + 1) };
}

/** Theta1 then Theta2, each row by row. */
export function flattenWeights({ Theta1, Theta2 }: NetworkWeights): number[] {
  return [...Theta1.flat(), ...Theta2.flat()];
}

/** sigmoid(W [1, a]): one layer's activations for input activations a. */
function layer(W: Matrix, a: Vector): number[] {
  return W.map((row) => {
    let z = row[0];
    for (let j = 0; j < a.length; j++) z += row[j + 1] * a[j];
    return sigmoid(z);
  });
}

/** Forward pass: hidden activations a2 (length h) and outputs a3 (length K) for every row of X. */
export function forward(weights: NetworkWeights, X: Matrix): { a2: number[][]; a3: number[][] } {
  const a2 = X.map((x) => layer(weights.Theta1, x));
  return { a2, a3: a2.map((a) => layer(weights.Theta2, a)) };
}

/** Predicted label of each row: argmax of the output units. */
export function predictNetwork(weights: NetworkWeights, X: Matrix): number[] {
  return forward(weights, X).a3.map((out) => argMax(out));
}

/** -(y log p + (1 - y) log(1 - p)), with p clamped away from 0 and 1 so it stays finite. */
function crossEntropy(p: number, y: number): number {
  const q = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
}

/**
 * Regularized cost and its gradient by backpropagation:
 * J = (1/m) sum_i sum_k CE(a3_ik, [y_i = k]) + lambda/(2m) (sum of squared non-bias weights).
 * Backprop: d3 = a3 - onehot(y); d2 = (Theta2^T d3, without the bias row) .* a2 .* (1 - a2);
 * Delta_l += d_{l+1} [1, a_l]^T; grad = Delta / m + (lambda/m) Theta with bias columns 0.
 * Returns the gradient flattened like the parameters.
 */
export function nnCostFunction(
  params: Vector,
  sizes: LayerSizes,
  X: Matrix,
  labels: Vector,
  lambda: number,
): { cost: number; grad: number[] } {
  const [n, h, K] = sizes;
  const m = X.length;
  const { Theta1, Theta2 } = reshapeParams(params, sizes);
  const D1 = Array.from({ length: h }, () => new Array<number>(n + 1).fill(0));
  const D2 = Array.from({ length: K }, () => new Array<number>(h + 1).fill(0));
  let cost = 0;
  for (let i = 0; i < m; i++) {
    const x = X[i];
    const a2 = layer(Theta1, x);
    const a3 = layer(Theta2, a2);
    const d3 = a3.map((p, k) => p - (labels[i] === k ? 1 : 0));
    a3.forEach((p, k) => (cost += crossEntropy(p, labels[i] === k ? 1 : 0)));
    const d2 = a2.map((a, j) => {
      let s = 0;
      for (let k = 0; k < K; k++) s += Theta2[k][j + 1] * d3[k];
      return s * a * (1 - a);
    });
    for (let k = 0; k < K; k++) {
      D2[k][0] += d3[k];
      for (let j = 0; j < h; j++) D2[k][j + 1] += d3[k] * a2[j];
    }
    for (let j = 0; j < h; j++) {
      D1[j][0] += d2[j];
      for (let p = 0; p < n; p++) D1[j][p + 1] += d2[j] * x[p];
    }
  }
  let penalty = 0;
  const gradOf = (D: number[][], W: number[][]) =>
    D.map((row, r) =>
      row.map((d, c) => {
        if (c === 0) return d / m;
        penalty += W[r][c] * W[r][c];
        return d / m + (lambda / m) * W[r][c];
      }),
    );
  const grad = flattenWeights({ Theta1: gradOf(D1, Theta1), Theta2: gradOf(D2, Theta2) });
  return { cost: cost / m + (lambda / (2 * m)) * penalty, grad };
}

/**
 * An lOut x (lIn + 1) weight matrix with entries uniform in [-epsilonInit, epsilonInit),
 * drawn row by row from `rng` (advances it lOut (lIn + 1) steps). Random, not zero,
 * weights break the symmetry between hidden units.
 */
export function randInitializeWeights(rng: Rng, lIn: number, lOut: number, epsilonInit = 0.12): number[][] {
  return Array.from({ length: lOut }, () =>
    Array.from({ length: lIn + 1 }, () => rng.uniform(-epsilonInit, epsilonInit)),
  );
}

/** Seeded initial parameters of a whole network, flattened: Theta1 then Theta2 from one generator. */
export function initialParams(rng: Rng, [n, h, K]: LayerSizes, epsilonInit = 0.12): number[] {
  return flattenWeights({
    Theta1: randInitializeWeights(rng, n, h, epsilonInit),
    Theta2: randInitializeWeights(rng, h, K, epsilonInit),
  });
}

/**
 * Batch gradient descent on nnCostFunction from a copy of `params`: `iterations`
 * steps params := params - alpha * grad. history[i] is the cost J after step i + 1.
 */
export function trainNetwork(
  X: Matrix,
  labels: Vector,
  sizes: LayerSizes,
  params: Vector,
  lambda: number,
  alpha: number,
  iterations: number,
): GradientDescentResult {
  return descend(params, alpha, iterations, (current) => nnCostFunction(current, sizes, X, labels, lambda));
}
