/**
 * Guards the numbers lesson 4 (lessons/04-regularized-logistic-regression.md)
 * states and checks, on microchip-qa@1: polynomial features by an independent
 * enumeration, costs by the textbook formula in a direct loop, and the
 * regularized optimum by Newton's method with ml-matrix solves.
 */
import { readFileSync } from "node:fs";
import { Matrix, solve } from "ml-matrix";
import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import { generateMicrochipQa } from "./datasets/microchip-qa";
import { maxAbsDiff } from "./linalg";
import { logisticCost, logisticGradient, logisticGradientDescent, mapFeature } from "./logistic-regression";
import { regularizedLogisticRegressionTask } from "../experiments/regularized-logistic-regression-experiment";

const lessonText = readFileSync(
  new URL("../../../lessons/04-regularized-logistic-regression.md", import.meta.url),
  "utf8",
);
const rows = generateMicrochipQa();
const y = rows.map((r) => r[2]);
const X = rows.map(([a, b]) => mapFeature(a, b, 6));
const zeros = new Array<number>(28).fill(0);
const ones = new Array<number>(28).fill(1);
const norm = (t: number[]) => Math.sqrt(t.slice(1).reduce((s, v) => s + v * v, 0));
const correct = (theta: number[]) =>
  X.filter((row, i) => (row.reduce((s, v, j) => s + v * theta[j], 0) >= 0 ? 1 : 0) === y[i]).length;

/** Textbook regularized cross-entropy, one explicit loop. */
function naiveCost(theta: number[], lambda: number): number {
  let total = 0;
  X.forEach((row, i) => {
    const h = 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * theta[j], 0)));
    total += -y[i] * Math.log(h) - (1 - y[i]) * Math.log(1 - h);
  });
  return total / y.length + (lambda / (2 * y.length)) * theta.slice(1).reduce((s, t) => s + t * t, 0);
}

/** Regularized maximum-likelihood theta by Newton's method (ml-matrix solves the 28 x 28 systems). */
function newton(lambda: number): number[] {
  const M = new Matrix(X);
  const m = y.length;
  let theta = zeros.slice();
  for (let k = 0; k < 30; k++) {
    const h = X.map((row) => 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * theta[j], 0))));
    const H = M.transpose()
      .mmul(new Matrix(X.map((row, i) => row.map((v) => v * h[i] * (1 - h[i])))))
      .div(m);
    for (let j = 1; j < 28; j++) H.set(j, j, H.get(j, j) + lambda / m);
    const g = logisticGradient(X, y, theta, lambda);
    const step = solve(H, Matrix.columnVector(g)).to1DArray();
    theta = theta.map((t, j) => t - step[j]);
  }
  return theta;
}

describe("lesson 4 check values on microchip-qa@1", () => {
  it("maps features like an independent enumeration of x1^a x2^b, a + b <= 6", () => {
    const terms: [number, number][] = [];
    for (let total = 0; total <= 6; total++) for (let b = 0; b <= total; b++) terms.push([total - b, b]);
    const [x1, x2] = [rows[5][0], rows[5][1]];
    expect(
      maxAbsDiff(
        X[5],
        terms.map(([a, b]) => Math.pow(x1, a) * Math.pow(x2, b)),
      ),
    ).toBeLessThan(1e-15);
    expect(mapFeature(2, 3).slice(21)).toEqual([64, 96, 144, 216, 324, 486, 729]);
  });

  it("states cost log 2 and gradient [0.0254, 0.0481, 0.0184, 0.0845, 0.0262] at theta = 0, lambda = 1", () => {
    expect(naiveCost(zeros, 1)).toBeCloseTo(Math.LN2, 12);
    expect(
      maxAbsDiff(logisticGradient(X, y, zeros, 1).slice(0, 5), [0.0254, 0.0481, 0.0184, 0.0845, 0.0262]),
    ).toBeLessThan(5e-5);
    expect(lessonText).toContain("[0.0254, 0.0481, 0.0184, 0.0845, 0.0262]");
  });

  it("states cost 4.487 (tolerance 2e-3 for the textbook formula's rounding) at theta = ones, lambda = 10", () => {
    const stable = logisticCost(X, y, ones, 10);
    const textbook = naiveCost(ones, 10);
    expect(Math.abs(stable - 4.487)).toBeLessThan(2e-3);
    expect(Math.abs(textbook - 4.487)).toBeLessThan(2e-3);
    expect(Math.abs(textbook - stable)).toBeGreaterThan(1e-4);
    const zMax = Math.max(...X.map((row) => row.reduce((s, v) => s + v, 0)));
    expect(zMax).toBeGreaterThan(25);
    expect(zMax).toBeLessThan(35);
    expect(
      maxAbsDiff(logisticGradient(X, y, ones, 10).slice(0, 5), [0.3703, 0.2545, 0.1863, 0.3116, 0.1328]),
    ).toBeLessThan(5e-5);
    expect(lessonText).toContain("atOnes.cost, 4.487, { tol: 2e-3 }");
  });

  it("states theta [1.4574, 0.4019, 1.1907, -1.4465], cost 0.45143 and 101/118 right after 500 steps (alpha 3, lambda 1): Newton's optimum", () => {
    const { theta, history } = logisticGradientDescent(X, y, zeros, 3, 500, 1);
    expect(maxAbsDiff(theta.slice(0, 4), [1.4574, 0.4019, 1.1907, -1.4465])).toBeLessThan(5e-5);
    expect(maxAbsDiff(theta, newton(1))).toBeLessThan(1e-6);
    expect(history[499].loss).toBeCloseTo(0.45143, 5);
    expect(history.every((h, i) => i === 0 || h.loss <= history[i - 1].loss + 1e-12)).toBe(true);
    expect(correct(theta)).toBe(101);
    expect(lessonText).toContain("[1.4574, 0.4019, 1.1907, -1.4465]");
  });

  it("matches the prose on lambda: |theta| about 34 / 3.6 / 0.2, lambda = 100 least accurate, alpha = 3 diverges at lambda = 100", () => {
    const fits = [
      logisticGradientDescent(X, y, zeros, 10, 3000, 0).theta,
      logisticGradientDescent(X, y, zeros, 3, 500, 1).theta,
      logisticGradientDescent(X, y, zeros, 1, 500, 100).theta,
    ];
    expect(Math.round(norm(fits[0]))).toBe(34);
    expect(norm(fits[1])).toBeCloseTo(3.64, 2);
    expect(norm(fits[2])).toBeLessThan(0.25);
    expect(maxAbsDiff(fits[2], newton(100))).toBeLessThan(1e-6);
    const hits = fits.map(correct);
    expect(hits[2]).toBeLessThan(hits[1]);
    expect(hits[1]).toBeLessThan(hits[0]);
    const diverged = logisticGradientDescent(X, y, zeros, 3, 500, 100).history[499].loss;
    expect(Number.isFinite(diverged) ? diverged : Infinity).toBeGreaterThan(1e6);
    expect(lessonText).toContain("length of about 34");
    expect(lessonText).toContain("$\\alpha = 3$ already diverges");
  });

  it("scores experiment 'trainRegularized' at train accuracy 78/94 and test accuracy 19/24", () => {
    const dataset = { id: "microchip-qa", version: 1, sha256: "", columns: ["test1", "test2", "accepted"], rows };
    const spec: ExperimentSpec = {
      title: "trainRegularized",
      task: "regularized-logistic-regression",
      dataset: { id: "microchip-qa", version: 1 },
      split: { test: 0.2, seed: 42 },
      seed: 7,
      init: "zeros",
      params: { alpha: 3, iterations: 300, lambda: 1 },
      learner: "gradientDescentReg",
      reference: "gdRegReference",
    };
    const prepared = regularizedLogisticRegressionTask.prepare(dataset, spec);
    const [XTrain, yTrain, theta0, alpha, iterations, lambda] = prepared.args as [
      number[][],
      number[],
      number[],
      number,
      number,
      number,
    ];
    expect(XTrain[0]).toHaveLength(28);
    const { theta } = logisticGradientDescent(XTrain, yTrain, theta0, alpha, iterations, lambda);
    const score = prepared.score(theta);
    expect(score.trainAccuracy).toBeCloseTo(78 / 94, 12);
    expect(score.testAccuracy).toBeCloseTo(19 / 24, 12);
    const plots = prepared.plots!([{ name: "yours", theta }]);
    expect(plots[0].kind).toBe("heatmap");
    expect(lessonText).toContain("params: { alpha: 3, iterations: 300, lambda: 1 }");
  });
});
