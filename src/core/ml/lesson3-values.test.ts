/**
 * Guards the numbers lesson 3 (lessons/03-logistic-regression.md) states and
 * checks, on exam-admissions@1: costs and gradients by a direct loop over
 * the textbook formula, the trained parameters against the maximum-likelihood
 * optimum found independently by Newton's method (ml-matrix solves), and
 * accuracies by counting.
 */
import { readFileSync } from "node:fs";
import { Matrix, solve } from "ml-matrix";
import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import { generateExamAdmissions } from "./datasets/exam-admissions";
import { featureNormalize } from "./feature-normalize";
import { addOnes, maxAbsDiff } from "./linalg";
import { logisticCost, logisticGradient, logisticGradientDescent, sigmoid } from "./logistic-regression";
import { logisticRegressionTask } from "../experiments/logistic-regression-experiment";

const lessonText = readFileSync(new URL("../../../lessons/03-logistic-regression.md", import.meta.url), "utf8");
const rows = generateExamAdmissions();
const scores = rows.map((r) => r.slice(0, 2));
const y = rows.map((r) => r[2]);
const X = addOnes(scores);
const { Xnorm, mu, sigma } = featureNormalize(scores);
const Xn = addOnes(Xnorm);

/** Cost and gradient by one explicit loop over the textbook definitions. */
function direct(theta: number[]): { cost: number; grad: number[] } {
  let cost = 0;
  const grad = theta.map(() => 0);
  X.forEach((row, i) => {
    const h = 1 / (1 + Math.exp(-(theta[0] * row[0] + theta[1] * row[1] + theta[2] * row[2])));
    cost += -y[i] * Math.log(h) - (1 - y[i]) * Math.log(1 - h);
    row.forEach((x, j) => (grad[j] += (h - y[i]) * x));
  });
  return { cost: cost / y.length, grad: grad.map((g) => g / y.length) };
}

/** Maximum-likelihood theta by Newton's method: theta -= (X^T W X)^-1 X^T (h - y), W = diag(h (1 - h)). */
function newton(A: number[][], labels: number[]): number[] {
  const M = new Matrix(A);
  let theta = new Array<number>(A[0].length).fill(0);
  for (let k = 0; k < 50; k++) {
    const h = A.map((row) => 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * theta[j], 0))));
    const weighted = new Matrix(A.map((row, i) => row.map((v) => v * h[i] * (1 - h[i]))));
    const hessian = M.transpose().mmul(weighted);
    const gradient = M.transpose().mmul(Matrix.columnVector(h.map((v, i) => v - labels[i])));
    const step = solve(hessian, gradient).to1DArray();
    theta = theta.map((t, j) => t - step[j]);
  }
  return theta;
}

const correct = (A: number[][], theta: number[]) =>
  A.filter((row, i) => (row.reduce((s, v, j) => s + v * theta[j], 0) >= 0 ? 1 : 0) === y[i]).length;

describe("lesson 3 check values on exam-admissions@1", () => {
  it("states cost log 2 and gradient [0.07, 0.4505, -1.8582] at theta = 0", () => {
    const d = direct([0, 0, 0]);
    expect(d.cost).toBeCloseTo(0.693147, 6);
    expect(maxAbsDiff(d.grad, [0.07, 0.4505, -1.8582])).toBeLessThan(5e-5);
    expect(logisticCost(X, y, [0, 0, 0])).toBeCloseTo(d.cost, 12);
    expect(lessonText).toContain("atZero.grad, [0.07, 0.4505, -1.8582]");
  });

  it("states cost 0.443569 and gradient [0.129408, 9.770942, 6.897161] at theta = [-24, 0.2, 0.2]", () => {
    const d = direct([-24, 0.2, 0.2]);
    expect(d.cost).toBeCloseTo(0.443569, 6);
    expect(maxAbsDiff(d.grad, [0.129408, 9.770942, 6.897161])).toBeLessThan(5e-7);
    expect(maxAbsDiff(logisticGradient(X, y, [-24, 0.2, 0.2]), d.grad)).toBeLessThan(1e-12);
    expect(lessonText).toContain("atGuess.cost, 0.443569,");
  });

  it("states theta [-0.8195, 2.5871, 3.3976] after 400 steps at alpha 1, near Newton's optimum", () => {
    const { theta, history } = logisticGradientDescent(Xn, y, [0, 0, 0], 1, 400);
    expect(maxAbsDiff(theta, [-0.8195, 2.5871, 3.3976])).toBeLessThan(1e-4);
    expect(history[399].loss).toBeCloseTo(0.28446, 5);
    const optimum = newton(Xn, y);
    expect(maxAbsDiff(theta, optimum)).toBeLessThan(0.03);
    expect(maxAbsDiff(logisticGradientDescent(Xn, y, [0, 0, 0], 1, 5000).theta, optimum)).toBeLessThan(1e-6);
    // The same optimum in raw units: Newton on raw scores.
    const raw = newton(X, y);
    const mapped = [
      optimum[0] - (optimum[1] * mu[0]) / sigma[0] - (optimum[2] * mu[1]) / sigma[1],
      optimum[1] / sigma[0],
      optimum[2] / sigma[1],
    ];
    expect(maxAbsDiff(raw, mapped)).toBeLessThan(1e-6);
    expect(lessonText).toContain("trained.theta, [-0.8195, 2.5871, 3.3976]");
  });

  it("states probability 0.7227 for scores 45 and 85, accuracy 0.89 (fitted) and 0.81 (guess)", () => {
    const { theta } = logisticGradientDescent(Xn, y, [0, 0, 0], 1, 400);
    const q = [1, (45 - mu[0]) / sigma[0], (85 - mu[1]) / sigma[1]];
    expect(sigmoid(q.reduce((s, v, j) => s + v * theta[j], 0))).toBeCloseTo(0.7227, 3);
    expect(correct(Xn, [-0.8195, 2.5871, 3.3976])).toBe(89);
    expect(correct(Xn, newton(Xn, y))).toBe(89);
    expect(correct(X, [-24, 0.2, 0.2])).toBe(81);
    expect(lessonText).toContain("On all 100 applicants, 89 are classified correctly");
  });

  it("scores experiment 'train' at train accuracy 0.8875 and test accuracy 0.9, with a boundary plot", () => {
    const dataset = { id: "exam-admissions", version: 1, sha256: "", columns: ["exam1", "exam2", "admitted"], rows };
    const spec: ExperimentSpec = {
      title: "train",
      task: "logistic-regression",
      dataset: { id: "exam-admissions", version: 1 },
      split: { test: 0.2, seed: 42 },
      seed: 7,
      init: "zeros",
      params: { alpha: 1, iterations: 400 },
      learner: "gradientDescent",
      reference: "gdReference",
    };
    const prepared = logisticRegressionTask.prepare(dataset, spec);
    const [XTrain, yTrain, theta0] = prepared.args as [number[][], number[], number[]];
    const { theta } = logisticGradientDescent(XTrain, yTrain, theta0, 1, 400);
    expect(prepared.score(theta)).toMatchObject({ trainAccuracy: 0.8875, testAccuracy: 0.9 });
    const [plot] = prepared.plots!([{ name: "yours", theta }]);
    expect(plot.kind === "scatter" && plot.lines?.[0].points).toHaveLength(2);
    expect(lessonText).toContain("task: logistic-regression");
  });
});
