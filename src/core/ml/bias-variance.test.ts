import { describe, expect, it } from "vitest";
import {
  learningCurve,
  linearRegCostFunction,
  polyFeatures,
  squaredError,
  trainLinearReg,
  validationCurve,
} from "./bias-variance";
import { maxAbsDiff } from "./linalg";

const X = [
  [1, -1, 0.5],
  [1, 0, -1],
  [1, 2, 1],
  [1, 1, 0],
];
const y = [0.5, 1, 4, 2];

describe("linearRegCostFunction", () => {
  it("matches a central finite-difference gradient", () => {
    const theta = [0.3, -0.7, 1.1];
    const { grad } = linearRegCostFunction(X, y, theta, 2.5);
    const h = 1e-6;
    const numeric = theta.map((_, j) => {
      const plus = theta.map((t, k) => (k === j ? t + h : t));
      const minus = theta.map((t, k) => (k === j ? t - h : t));
      return (linearRegCostFunction(X, y, plus, 2.5).cost - linearRegCostFunction(X, y, minus, 2.5).cost) / (2 * h);
    });
    expect(maxAbsDiff(grad, numeric)).toBeLessThan(1e-7);
  });

  it("does not penalize theta0", () => {
    const a = linearRegCostFunction(X, y, [5, 0, 0], 100);
    const b = linearRegCostFunction(X, y, [5, 0, 0], 0);
    expect(a.cost).toBe(b.cost);
    expect(a.grad[0]).toBe(b.grad[0]);
  });

  it("adds lambda/(2m) sum theta_j^2 for j >= 1", () => {
    const theta = [1, 2, -3];
    const diff = linearRegCostFunction(X, y, theta, 4).cost - linearRegCostFunction(X, y, theta, 0).cost;
    expect(diff).toBeCloseTo((4 / 8) * 13, 12);
  });
});

describe("trainLinearReg", () => {
  it("reaches the regularized normal-equation solution (X^T X + lambda L) theta = X^T y", () => {
    const lambda = 0.8;
    const { theta, history } = trainLinearReg(X, y, [0, 0, 0], lambda, 0.1, 5000);
    expect(maxAbsDiff(linearRegCostFunction(X, y, theta, lambda).grad, [0, 0, 0])).toBeLessThan(1e-10);
    expect(history).toHaveLength(5000);
    expect(history.every((h, i) => i === 0 || h.loss <= history[i - 1].loss + 1e-15)).toBe(true);
  });

  it("does not mutate theta", () => {
    const theta = [1, 1, 1];
    trainLinearReg(X, y, theta, 1, 0.1, 3);
    expect(theta).toEqual([1, 1, 1]);
  });
});

describe("polyFeatures", () => {
  it("lists the powers 1..p of each value", () => {
    expect(polyFeatures([2, -3], 3)).toEqual([
      [2, 4, 8],
      [-3, 9, -27],
    ]);
  });
});

describe("learningCurve and validationCurve", () => {
  it("report unregularized errors, one per training size / lambda", () => {
    const lc = learningCurve(X, y, X, y, 3, 0.1, 200);
    expect(lc.errorTrain).toHaveLength(4);
    const full = trainLinearReg(X, y, [0, 0, 0], 3, 0.1, 200).theta;
    expect(lc.errorTrain[3]).toBeCloseTo(squaredError(X, y, full), 14);
    const vc = validationCurve(X, y, X, y, [0, 3], 0.1, 200);
    expect(vc.errorTrain[1]).toBeCloseTo(lc.errorTrain[3], 14);
    expect(vc.errorTrain[0]).toBeLessThan(vc.errorTrain[1]);
  });
});
