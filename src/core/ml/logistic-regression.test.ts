import { describe, expect, it } from "vitest";
import { maxAbsDiff } from "./linalg";
import {
  accuracy,
  logisticCost,
  logisticGradient,
  logisticGradientDescent,
  mapFeature,
  predictLabels,
  sigmoid,
} from "./logistic-regression";

const X = [
  [1, 0.5, -1.2],
  [1, -0.3, 0.8],
  [1, 1.7, 0.1],
  [1, -1.1, -0.4],
  [1, 0.2, 1.5],
];
const y = [1, 0, 1, 0, 1];

/** Textbook cross-entropy, straight from the definition (independent of the softplus form). */
function naiveCost(theta: number[], lambda = 0): number {
  let total = 0;
  X.forEach((row, i) => {
    const h = 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * theta[j], 0)));
    total += -y[i] * Math.log(h) - (1 - y[i]) * Math.log(1 - h);
  });
  const penalty = theta.slice(1).reduce((s, t) => s + t * t, 0);
  return total / X.length + (lambda / (2 * X.length)) * penalty;
}

describe("sigmoid", () => {
  it("is 0.5 at 0, symmetric (g(-z) = 1 - g(z)) and finite at +-1000", () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [0.1, 2, 7.5, 30]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 14);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });
});

describe("logisticCost", () => {
  it("is log 2 at theta = 0 for any labels", () => {
    expect(logisticCost(X, y, [0, 0, 0])).toBeCloseTo(Math.LN2, 14);
  });

  it("equals the textbook formula, with and without the penalty", () => {
    for (const theta of [
      [0.3, -1, 2],
      [-2, 0.5, 0.1],
    ]) {
      expect(logisticCost(X, y, theta)).toBeCloseTo(naiveCost(theta), 12);
      expect(logisticCost(X, y, theta, 3)).toBeCloseTo(naiveCost(theta, 3), 12);
    }
  });

  it("stays finite where the textbook formula takes log 0", () => {
    const huge = [0, 200, -200];
    expect(Number.isFinite(naiveCost(huge))).toBe(false);
    expect(Number.isFinite(logisticCost(X, y, huge))).toBe(true);
  });

  it("does not penalize theta_0", () => {
    expect(logisticCost(X, y, [5, 0, 0], 10)).toBeCloseTo(logisticCost(X, y, [5, 0, 0], 0), 14);
  });
});

describe("logisticGradient", () => {
  it("matches central finite differences of the cost, with and without lambda", () => {
    const theta = [0.4, -0.7, 1.1];
    for (const lambda of [0, 2.5]) {
      const numeric = theta.map((_, j) => {
        const eps = 1e-6;
        const up = theta.map((t, k) => (k === j ? t + eps : t));
        const down = theta.map((t, k) => (k === j ? t - eps : t));
        return (logisticCost(X, y, up, lambda) - logisticCost(X, y, down, lambda)) / (2 * eps);
      });
      expect(maxAbsDiff(logisticGradient(X, y, theta, lambda), numeric)).toBeLessThan(1e-8);
    }
  });
});

describe("logisticGradientDescent", () => {
  it("lowers the cost at every step and does not mutate theta", () => {
    const start = [0, 0, 0];
    const { history } = logisticGradientDescent(X, y, start, 0.5, 50, 0.1);
    expect(history).toHaveLength(50);
    expect(history.every((h, i) => h.step === i + 1 && (i === 0 || h.loss < history[i - 1].loss))).toBe(true);
    expect(start).toEqual([0, 0, 0]);
  });
});

describe("predictLabels and accuracy", () => {
  it("predicts 1 exactly where x . theta >= 0 and counts matches", () => {
    expect(
      predictLabels(
        [
          [1, 2],
          [1, -2],
          [1, 0],
        ],
        [0, 1],
      ),
    ).toEqual([1, 0, 1]);
    expect(accuracy([1, 0, 1, 1], [1, 1, 1, 0])).toBe(0.5);
    expect(accuracy([], [])).toBeNaN();
  });
});

describe("mapFeature", () => {
  it("gives 28 terms for degree 6, ordered by degree then by the power of x2", () => {
    const f = mapFeature(2, 3, 6);
    expect(f).toHaveLength(28);
    expect(f.slice(0, 6)).toEqual([1, 2, 3, 4, 6, 9]);
    expect(f[27]).toBe(3 ** 6);
    expect(f[21]).toBe(2 ** 6);
    expect(mapFeature(0.5, -1, 1)).toEqual([1, 0.5, -1]);
  });
});
