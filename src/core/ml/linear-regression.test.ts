import { describe, expect, it } from "vitest";
import { addOnes, maxAbsDiff } from "./linalg";
import { computeCost, computeGradient, gradientDescent, normalEquation } from "./linear-regression";
import { createRng } from "./prng";

/** A small noisy data set y = 1 + 2 x1 - 3 x2 + noise, with an intercept column. */
function noisyData(m = 30): { X: number[][]; y: number[] } {
  const rng = createRng(17);
  const features = Array.from({ length: m }, () => [rng.uniform(-2, 2), rng.uniform(0, 3)]);
  const y = features.map(([a, b]) => 1 + 2 * a - 3 * b + rng.normal(0, 0.3));
  return { X: addOnes(features), y };
}

describe("computeCost", () => {
  it("is 1/(2m) times the sum of squared residuals", () => {
    const X = [
      [1, 1],
      [1, 2],
      [1, 3],
    ];
    expect(computeCost(X, [1, 2, 3], [0, 0])).toBeCloseTo(14 / 6, 12);
    expect(computeCost(X, [1, 2, 3], [0, 0.5])).toBeCloseTo(3.5 / 6, 12);
  });

  it("is 0 for a perfect fit", () => {
    const X = addOnes([[0], [1], [2], [5]]);
    const y = X.map((row) => 4 - 0.5 * row[1]);
    expect(computeCost(X, y, [4, -0.5])).toBe(0);
  });

  it("does not change when the rows are permuted", () => {
    const { X, y } = noisyData();
    const order = createRng(1).shuffle(X.map((_, i) => i));
    const theta = [0.3, -1, 2];
    const permuted = computeCost(
      order.map((i) => X[i]),
      order.map((i) => y[i]),
      theta,
    );
    expect(permuted).toBeCloseTo(computeCost(X, y, theta), 12);
  });

  it("throws when the shapes do not match", () => {
    expect(() => computeCost([[1, 2]], [1, 2], [0, 0])).toThrow(/1 rows but y has 2/);
    expect(() => computeCost([[1, 2]], [1], [0])).toThrow(/2 columns but theta has 1/);
  });
});

describe("computeGradient", () => {
  it("matches central finite differences of computeCost", () => {
    const { X, y } = noisyData();
    const theta = [0.5, -0.7, 1.2];
    const h = 1e-6;
    const numeric = theta.map((_, j) => {
      const plus = theta.map((t, k) => (k === j ? t + h : t));
      const minus = theta.map((t, k) => (k === j ? t - h : t));
      return (computeCost(X, y, plus) - computeCost(X, y, minus)) / (2 * h);
    });
    expect(maxAbsDiff(computeGradient(X, y, theta), numeric)).toBeLessThan(1e-6);
  });

  it("is zero at the least-squares solution", () => {
    const { X, y } = noisyData();
    const best = normalEquation(X, y);
    expect(maxAbsDiff(computeGradient(X, y, best), [0, 0, 0])).toBeLessThan(1e-10);
  });
});

describe("gradientDescent", () => {
  it("decreases the cost at every step for a small learning rate", () => {
    const { X, y } = noisyData();
    const { history } = gradientDescent(X, y, [0, 0, 0], 0.05, 200);
    expect(history).toHaveLength(200);
    expect(history.map((p) => p.step)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (let i = 1; i < history.length; i++) expect(history[i].loss).toBeLessThan(history[i - 1].loss);
  });

  it("converges to the normal-equation solution", () => {
    const { X, y } = noisyData();
    const { theta, history } = gradientDescent(X, y, [0, 0, 0], 0.1, 5000);
    expect(maxAbsDiff(theta, normalEquation(X, y))).toBeLessThan(1e-8);
    expect(history[history.length - 1].loss).toBeCloseTo(computeCost(X, y, theta), 12);
  });

  it("does not mutate theta, X or y", () => {
    const X = [
      [1, 1],
      [1, 2],
    ];
    const y = [2, 3];
    const theta = [0, 0];
    gradientDescent(X, y, theta, 0.1, 10);
    expect(theta).toEqual([0, 0]);
    expect(X).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(y).toEqual([2, 3]);
  });

  it("returns a copy of theta and no history for zero iterations", () => {
    const theta = [1, 2];
    const result = gradientDescent([[1, 1]], [1], theta, 0.1, 0);
    expect(result).toEqual({ theta: [1, 2], history: [] });
    expect(result.theta).not.toBe(theta);
    expect(() => gradientDescent([[1, 1]], [1], theta, 0.1, -1)).toThrow(RangeError);
  });
});

describe("normalEquation", () => {
  it("recovers exact parameters from noise-free data (2-parameter case)", () => {
    const X = addOnes([1, 2, 3, 4]);
    const y = X.map((row) => -4 + 1.2 * row[1]);
    expect(maxAbsDiff(normalEquation(X, y), [-4, 1.2])).toBeLessThan(1e-12);
  });

  it("throws when a column is duplicated", () => {
    expect(() =>
      normalEquation(
        [
          [1, 2, 2],
          [1, 3, 3],
          [1, 5, 5],
        ],
        [1, 2, 3],
      ),
    ).toThrow(/singular/);
  });
});
