/**
 * Guards the numbers lesson 1 (lessons/01-linear-regression-one-variable.md)
 * states and checks: each is recomputed from the city-profits@1 generator
 * with the reference math and, where possible, by an independent route, and
 * must appear verbatim in the lesson text. A change to the dataset, the PRNG
 * or the math fails here before it silently breaks the lesson.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCityProfits } from "./datasets/city-profits";
import { addOnes, maxAbsDiff } from "./linalg";
import { computeCost, gradientDescent, normalEquation } from "./linear-regression";
import { prepareLinearRegression, scoreLinearRegression } from "../experiments/linear-regression-task";

const lessonText = readFileSync(
  new URL("../../../lessons/01-linear-regression-one-variable.md", import.meta.url),
  "utf8",
);
const rows = generateCityProfits();
const population = rows.map((r) => r[0]);
const profit = rows.map((r) => r[1]);
const X = addOnes(population);
const m = rows.length;

/** The values written in the lesson's checks and prose. */
const LESSON = {
  costAtZero: 47.9666,
  costAtMinus1Plus2: 61.0527,
  thetaAfter1500: [-3.8411, 1.2232],
  lossAfter1500: 5.4579,
};

/** Closed-form simple linear regression (slope = cov(x, y) / var(x)), independent of `solve`. */
function leastSquaresLine(x: number[], y: number[]): [number, number] {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return [my - slope * mx, slope];
}

describe("lesson 1 check values on city-profits@1", () => {
  it("states J([0, 0]) = 47.9666, which is also sum(y^2) / 2m", () => {
    const direct = profit.reduce((s, v) => s + v * v, 0) / (2 * m);
    expect(computeCost(X, profit, [0, 0])).toBeCloseTo(LESSON.costAtZero, 4);
    expect(direct).toBeCloseTo(LESSON.costAtZero, 4);
    expect(lessonText).toContain(`computeCost(X, y, [0, 0]), ${LESSON.costAtZero},`);
  });

  it("states J([-1, 2]) = 61.0527, also by an explicit loop", () => {
    let total = 0;
    for (let i = 0; i < m; i++) total += (-1 + 2 * population[i] - profit[i]) ** 2;
    expect(computeCost(X, profit, [-1, 2])).toBeCloseTo(LESSON.costAtMinus1Plus2, 4);
    expect(total / (2 * m)).toBeCloseTo(LESSON.costAtMinus1Plus2, 4);
    expect(lessonText).toContain(`computeCost(X, y, [-1, 2]), ${LESSON.costAtMinus1Plus2},`);
  });

  it("states theta = [-3.8411, 1.2232] and J = 5.4579 after 1500 steps of alpha = 0.01", () => {
    const { theta, history } = gradientDescent(X, profit, [0, 0], 0.01, 1500);
    expect(maxAbsDiff(theta, LESSON.thetaAfter1500)).toBeLessThan(5e-5);
    expect(history[1499].loss).toBeCloseTo(LESSON.lossAfter1500, 4);
    expect(history.every((h, i) => i === 0 || h.loss < history[i - 1].loss)).toBe(true);
    expect(lessonText).toContain(`[${LESSON.thetaAfter1500.join(", ")}], { tol: 0.01 }`);
    expect(lessonText).toContain(`NaN, ${LESSON.lossAfter1500},`);
  });

  it("has descent heading to the least-squares line [-4.04, 1.24], within 0.01 by 3000 steps", () => {
    const line = leastSquaresLine(population, profit);
    expect(maxAbsDiff(normalEquation(X, profit), line)).toBeLessThan(1e-9);
    expect(line[0]).toBeCloseTo(-4.04, 2);
    expect(line[1]).toBeCloseTo(1.24, 2);
    expect(maxAbsDiff(gradientDescent(X, profit, [0, 0], 0.01, 3000).theta, line)).toBeLessThan(0.01);
    expect(maxAbsDiff(gradientDescent(X, profit, [0, 0], 0.01, 20000).theta, line)).toBeLessThan(1e-9);
    expect(maxAbsDiff(gradientDescent(X, profit, [0, 0], 0.01, 1500).theta, line)).toBeGreaterThan(0.1);
    expect(lessonText).toContain("about $[-4.04, 1.24]$");
  });

  it("matches the prose on learning rates: 0.001 stays above 6.39, 0.02 diverges, the limit is about 0.019", () => {
    expect(gradientDescent(X, profit, [0, 0], 0.001, 1500).history[1499].loss).toBeGreaterThan(6.39);
    expect(gradientDescent(X, profit, [0, 0], 0.001, 1500).history[1499].loss).toBeLessThan(6.4);
    const diverged = gradientDescent(X, profit, [0, 0], 0.02, 1500).history;
    expect(diverged[1499].loss).toBeGreaterThan(1e6);
    // Stability limit 2 / lambda_max of the Hessian X^T X / m (a 2x2 eigenvalue, in closed form).
    const a = 1; // mean of x0^2 (the ones column)
    const b = population.reduce((s, v) => s + v, 0) / m;
    const d = population.reduce((s, v) => s + v * v, 0) / m;
    const lambdaMax = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
    expect(2 / lambdaMax).toBeCloseTo(0.019, 3);
    expect(lessonText).toContain("1,500 steps still leave the cost above 6.39");
  });

  it("keeps the experiment 'fit' (split 0.2 / seed 42, zeros) scoring train 5.9983 and test 3.2557", () => {
    const dataset = { id: "city-profits", version: 1, sha256: "", columns: ["population", "profit"], rows };
    const prepared = prepareLinearRegression(dataset, {
      title: "fit",
      task: "linear-regression",
      dataset: { id: "city-profits", version: 1 },
      split: { test: 0.2, seed: 42 },
      seed: 7,
      init: "zeros",
      params: { alpha: 0.01, iterations: 1500 },
      learner: "gradientDescent",
      reference: "gdReference",
    });
    const { theta } = gradientDescent(prepared.XTrain, prepared.yTrain, prepared.initialTheta, 0.01, 1500);
    const score = scoreLinearRegression(theta, prepared);
    expect(score.trainCost).toBeCloseTo(5.9983, 4);
    expect(score.testCost).toBeCloseTo(3.2557, 4);
    expect(lessonText).toContain("split: { test: 0.2, seed: 42 }");
  });
});
