import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { maxAbsDiff } from "./linalg";
import {
  accuracy,
  argMax,
  confusionMatrix,
  lrCostFunction,
  oneVsAll,
  oneVsAllCost,
  predictOneVsAll,
  sigmoid,
} from "./one-vs-all";
import { createRng } from "./prng";

/** 40 examples, an intercept column and 3 features, labels 0..2 from a noisy linear rule. */
function threeClasses(): { X: number[][]; y: number[] } {
  const rng = createRng(5);
  const X = Array.from({ length: 40 }, () => [1, rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(0, 1)]);
  const y = X.map((x) => argMax([x[1] + 0.2 * rng.normal(), x[2], -x[1] - x[2]]));
  return { X, y };
}

describe("sigmoid", () => {
  it("is 1/2 at 0 and symmetric: g(-z) = 1 - g(z)", () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [0.3, 2, 7]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 14);
  });
});

describe("lrCostFunction", () => {
  it("is log 2 at theta = 0 whatever the targets", () => {
    const { X, y } = threeClasses();
    expect(
      lrCostFunction(
        X,
        y.map((l) => (l === 1 ? 1 : 0)),
        [0, 0, 0, 0],
        3,
      ).cost,
    ).toBeCloseTo(Math.log(2), 12);
  });

  it("has a gradient that matches central finite differences, with and without lambda", () => {
    const { X, y } = threeClasses();
    const t = y.map((l) => (l === 0 ? 1 : 0));
    const theta = [0.3, -1.2, 0.8, 2];
    for (const lambda of [0, 2.5]) {
      const h = 1e-6;
      const numeric = theta.map((_, j) => {
        const at = (d: number) =>
          lrCostFunction(
            X,
            t,
            theta.map((v, k) => (k === j ? v + d : v)),
            lambda,
          ).cost;
        return (at(h) - at(-h)) / (2 * h);
      });
      expect(maxAbsDiff(lrCostFunction(X, t, theta, lambda).grad, numeric)).toBeLessThan(1e-8);
    }
  });

  it("does not regularize the intercept", () => {
    const { X, y } = threeClasses();
    const t = y.map((l) => (l === 2 ? 1 : 0));
    const a = lrCostFunction(X, t, [5, 0, 0, 0], 0);
    const b = lrCostFunction(X, t, [5, 0, 0, 0], 100);
    expect(b.cost).toBe(a.cost);
    expect(b.grad).toEqual(a.grad);
  });

  it("stays finite for a confidently wrong prediction", () => {
    expect(lrCostFunction([[1, 1]], [0], [0, 800], 0).cost).toBeCloseTo(800, 6);
  });
});

describe("oneVsAll", () => {
  it("matches an independent ml-matrix implementation that updates all K classifiers as one matrix", () => {
    const { X, y } = threeClasses();
    const K = 3;
    const lambda = 0.5;
    const alpha = 0.8;
    const ours = oneVsAll(
      X,
      y,
      [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      lambda,
      alpha,
      30,
    );
    const Xm = new Matrix(X);
    const Y = new Matrix(y.map((l) => Array.from({ length: K }, (_, k) => (l === k ? 1 : 0))));
    let Theta = Matrix.zeros(K, 4);
    const m = X.length;
    for (let s = 0; s < 30; s++) {
      const Z = Xm.mmul(Theta.transpose());
      const E = new Matrix(Z.to2DArray().map((row, i) => row.map((z, k) => sigmoid(z) - Y.get(i, k))));
      const reg = Theta.clone();
      for (let k = 0; k < K; k++) reg.set(k, 0, 0);
      const grad = E.transpose()
        .mmul(Xm)
        .div(m)
        .add(reg.mul(lambda / m));
      Theta = Theta.sub(grad.mul(alpha));
    }
    expect(maxAbsDiff(ours.theta, Theta.to2DArray())).toBeLessThan(1e-12);
    expect(ours.history).toHaveLength(30);
    expect(ours.history[29].loss).toBeCloseTo(oneVsAllCost(X, y, Theta.to2DArray(), lambda), 12);
  });

  it("lowers the mean cost at every step and does not mutate initialTheta", () => {
    const { X, y } = threeClasses();
    const start = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const { history } = oneVsAll(X, y, start, 0.1, 0.5, 20);
    history.slice(1).forEach((h, i) => expect(h.loss).toBeLessThan(history[i].loss));
    expect(start.flat().every((v) => v === 0)).toBe(true);
  });
});

describe("predictOneVsAll, accuracy, confusionMatrix", () => {
  it("picks the largest score, the first on ties", () => {
    expect(
      predictOneVsAll(
        [
          [0, 1],
          [0, 1],
          [1, 0],
        ],
        [
          [1, 2],
          [1, 0.5],
          [1, 1],
        ],
      ),
    ).toEqual([0, 2, 0]);
  });

  it("counts hits and confusions", () => {
    expect(accuracy([0, 1, 2, 2], [0, 1, 1, 2])).toBe(0.75);
    expect(confusionMatrix([0, 1, 2, 2], [0, 1, 1, 2], 3)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });
});
