import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { maxAbsDiff } from "./linalg";
import {
  flattenWeights,
  forward,
  initialParams,
  nnCostFunction,
  parameterCount,
  randInitializeWeights,
  reshapeParams,
  trainNetwork,
  type LayerSizes,
} from "./neural-network";
import { createRng } from "./prng";

const sizes: LayerSizes = [3, 5, 3];
const X = Array.from({ length: 6 }, (_, i) => [0, 1, 2].map((j) => Math.cos(i * 3 + j) / 2));
const y = [1, 2, 0, 1, 2, 0];
const params = Array.from({ length: parameterCount(sizes) }, (_, i) => Math.sin(i + 1) / 5);

/** Vectorized cost and gradient in ml-matrix: a second, independent backprop. */
function costMl(
  p: number[],
  s: LayerSizes,
  Xs: number[][],
  labels: number[],
  lambda: number,
): { cost: number; grad: number[] } {
  const { Theta1, Theta2 } = reshapeParams(p, s);
  const m = Xs.length;
  const g = (M: Matrix) => new Matrix(M.to2DArray().map((r) => r.map((z) => 1 / (1 + Math.exp(-z)))));
  const ones = (M: Matrix) => new Matrix(M.to2DArray().map((r) => [1, ...r]));
  const A1 = ones(new Matrix(Xs));
  const T1 = new Matrix(Theta1);
  const T2 = new Matrix(Theta2);
  const A2 = g(A1.mmul(T1.transpose()));
  const A2b = ones(A2);
  const A3 = g(A2b.mmul(T2.transpose()));
  const Y = new Matrix(labels.map((l) => Array.from({ length: s[2] }, (_, k) => (l === k ? 1 : 0))));
  let cost = 0;
  A3.to2DArray().forEach((r, i) =>
    r.forEach((a, k) => (cost -= Y.get(i, k) * Math.log(a) + (1 - Y.get(i, k)) * Math.log(1 - a))),
  );
  const noBias = (T: Matrix) => T.subMatrix(0, T.rows - 1, 1, T.columns - 1);
  const penalty = noBias(T1).pow(2).sum() + noBias(T2).pow(2).sum();
  const D3 = A3.clone().sub(Y);
  const D2 = D3.mmul(noBias(T2)).mul(A2).mul(Matrix.ones(A2.rows, A2.columns).sub(A2));
  const reg = (T: Matrix) => {
    const R = T.clone().mul(lambda / m);
    for (let r = 0; r < R.rows; r++) R.set(r, 0, 0);
    return R;
  };
  const G1 = D2.transpose().mmul(A1).div(m).add(reg(T1));
  const G2 = D3.transpose().mmul(A2b).div(m).add(reg(T2));
  return { cost: cost / m + (lambda / (2 * m)) * penalty, grad: [...G1.to1DArray(), ...G2.to1DArray()] };
}

describe("reshapeParams and flattenWeights", () => {
  it("round-trip the unrolled parameters, Theta1 then Theta2 row by row", () => {
    const w = reshapeParams(params, sizes);
    expect(w.Theta1).toHaveLength(5);
    expect(w.Theta1[0]).toHaveLength(4);
    expect(w.Theta2).toHaveLength(3);
    expect(w.Theta2[0]).toHaveLength(6);
    expect(w.Theta2[0][0]).toBe(params[20]);
    expect(flattenWeights(w)).toEqual(params);
  });
});

describe("nnCostFunction", () => {
  it("matches a vectorized ml-matrix backprop, with and without lambda", () => {
    for (const lambda of [0, 1.5]) {
      const ours = nnCostFunction(params, sizes, X, y, lambda);
      const theirs = costMl(params, sizes, X, y, lambda);
      expect(ours.cost).toBeCloseTo(theirs.cost, 12);
      expect(maxAbsDiff(ours.grad, theirs.grad)).toBeLessThan(1e-12);
    }
  });

  it("has a gradient that matches central finite differences", () => {
    const h = 1e-5;
    const numeric = params.map((_, i) => {
      const at = (d: number) =>
        nnCostFunction(
          params.map((p, k) => (k === i ? p + d : p)),
          sizes,
          X,
          y,
          2,
        ).cost;
      return (at(h) - at(-h)) / (2 * h);
    });
    expect(maxAbsDiff(nnCostFunction(params, sizes, X, y, 2).grad, numeric)).toBeLessThan(1e-9);
  });

  it("is K log 2 when every weight is 0 (every output is 1/2)", () => {
    expect(nnCostFunction(new Array(parameterCount(sizes)).fill(0), sizes, X, y, 5).cost).toBeCloseTo(
      3 * Math.log(2),
      12,
    );
  });
});

describe("randInitializeWeights and initialParams", () => {
  it("draws lOut x (lIn + 1) weights in [-eps, eps), Theta1 then Theta2 from one generator", () => {
    const W = randInitializeWeights(createRng(3), 4, 2, 0.3);
    expect(W.map((r) => r.length)).toEqual([5, 5]);
    expect(W.flat().every((w) => w >= -0.3 && w < 0.3)).toBe(true);
    const r = createRng(9);
    const both = [...randInitializeWeights(r, 3, 5).flat(), ...randInitializeWeights(r, 5, 3).flat()];
    expect(initialParams(createRng(9), sizes)).toEqual(both);
  });
});

describe("trainNetwork", () => {
  it("lowers the cost at every step and does not mutate its start", () => {
    const start = initialParams(createRng(1), sizes, 0.5);
    const copy = start.slice();
    const { history, theta } = trainNetwork(X, y, sizes, start, 0.1, 1, 30);
    history.slice(1).forEach((h, i) => expect(h.loss).toBeLessThan(history[i].loss));
    expect(history[29].loss).toBeCloseTo(nnCostFunction(theta, sizes, X, y, 0.1).cost, 12);
    expect(start).toEqual(copy);
  });

  it("keeps hidden units identical when it starts from all-zero weights (the symmetry problem)", () => {
    const { theta } = trainNetwork(X, y, sizes, new Array(parameterCount(sizes)).fill(0), 0, 1, 10);
    const { Theta1 } = reshapeParams(theta, sizes);
    Theta1.forEach((row) => expect(row).toEqual(Theta1[0]));
    expect(forward(reshapeParams(theta, sizes), X).a2.every((a) => a.every((v) => v === a[0]))).toBe(true);
  });
});
