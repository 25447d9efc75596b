/**
 * Guards the numbers lesson 2 (lessons/02-linear-regression-multiple-variables.md)
 * states and checks, on house-prices@1. The normal-equation parameters,
 * the normalization statistics and the learning-rate limits are recomputed
 * independently with ml-matrix (least squares by QR, inverse, eigenvalues);
 * gradient descent comes from the reference math.
 */
import { readFileSync } from "node:fs";
import { EigenvalueDecomposition, Matrix, inverse, solve } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { generateHousePrices } from "./datasets/house-prices";
import { featureNormalize } from "./feature-normalize";
import { addOnes, maxAbsDiff } from "./linalg";
import { computeCost, gradientDescent, normalEquation } from "./linear-regression";
import { asStated, statedNumbers, values } from "./stated-numbers";

const lessonText = readFileSync(
  new URL("../../../lessons/02-linear-regression-multiple-variables.md", import.meta.url),
  "utf8",
);
const rows = generateHousePrices();
const features = rows.map((r) => r.slice(0, 2));
const prices = rows.map((r) => r[2]);
const Xraw = addOnes(features);

/** Largest eigenvalue of X^T X / m: gradient descent on J is stable for alpha < 2 / lambdaMax. */
function lambdaMax(X: number[][]): number {
  const M = new Matrix(X);
  const hessian = M.transpose().mmul(M).div(X.length);
  return Math.max(...new EigenvalueDecomposition(hessian).realEigenvalues);
}

describe("lesson 2 check values on house-prices@1", () => {
  it("states mu = [2447.45, 3.05] and sigma = [1053.0942, 1.1263] (sample std), as ml-matrix computes them", () => {
    const M = new Matrix(features);
    const { Xnorm, mu, sigma } = featureNormalize(features);
    expect(maxAbsDiff(mu, M.mean("column"))).toBeLessThan(1e-9);
    expect(maxAbsDiff(sigma, M.standardDeviation("column", { unbiased: true }))).toBeLessThan(1e-9);
    expect(maxAbsDiff(mu, [2447.45, 3.05])).toBeLessThan(1e-9);
    expect(maxAbsDiff(sigma, [1053.0942, 1.1263])).toBeLessThan(5e-5);
    expect(maxAbsDiff(Xnorm[0], [1.5132, 0.8434])).toBeLessThan(5e-5);
    expect(lessonText).toContain("normalized.sigma, [1053.0942, 1.1263]");
  });

  it("states the normal-equation theta [52955.38, 120.4454, 5879.92] and price 269330.12, matching ml-matrix's least squares and inverse", () => {
    const theta = normalEquation(Xraw, prices);
    const X = new Matrix(Xraw);
    const yCol = Matrix.columnVector(prices);
    const byQr = solve(X, yCol).to1DArray();
    const byInverse = inverse(X.transpose().mmul(X)).mmul(X.transpose()).mmul(yCol).to1DArray();
    expect(maxAbsDiff(theta, byQr)).toBeLessThan(1e-6);
    expect(maxAbsDiff(theta, byInverse)).toBeLessThan(1e-4);
    expect(maxAbsDiff(byQr, [52955.38, 120.4454, 5879.92])).toBeLessThan(0.005);
    expect(byQr[0] + 1650 * byQr[1] + 3 * byQr[2]).toBeCloseTo(269330.12, 2);
    expect(lessonText).toContain("closedForm, [52955.38, 120.4454, 5879.92]");
    expect(lessonText).toContain("la.dot([1, 1650, 3], closedForm), 269330.12,");
  });

  it("states descent's theta [365673.33, 126794.83, 6668.37] and price 269362.60 after 400 steps at alpha 0.1", () => {
    const { Xnorm, mu, sigma } = featureNormalize(features);
    const { theta, history } = gradientDescent(addOnes(Xnorm), prices, [0, 0, 0], 0.1, 400);
    expect(maxAbsDiff(theta, [365673.33, 126794.83, 6668.37])).toBeLessThan(0.005);
    const house = [1, (1650 - mu[0]) / sigma[0], (3 - mu[1]) / sigma[1]];
    expect(house.reduce((s, v, j) => s + v * theta[j], 0)).toBeCloseTo(269362.6, 2);
    expect(history.every((h, i) => i === 0 || h.loss < history[i - 1].loss)).toBe(true);
    // The intercept on centred features is the mean price.
    expect(theta[0]).toBeCloseTo(prices.reduce((s, v) => s + v, 0) / prices.length, 6);
    expect(lessonText).toContain("descent.theta, [365673.33, 126794.83, 6668.37]");
    expect(lessonText).toContain("descent.theta), 269362.60,");
  });

  it("has converged descent mapped back to raw units equal to the least-squares fit", () => {
    const { Xnorm, mu, sigma } = featureNormalize(features);
    const t = gradientDescent(addOnes(Xnorm), prices, [0, 0, 0], 0.3, 1000).theta;
    const raw = [t[0] - (t[1] * mu[0]) / sigma[0] - (t[2] * mu[1]) / sigma[1], t[1] / sigma[0], t[2] / sigma[1]];
    expect(maxAbsDiff(raw, solve(new Matrix(Xraw), Matrix.columnVector(prices)).to1DArray())).toBeLessThan(1e-6);
  });

  it("matches the prose on learning rates: normalized stable up to about 1.1, raw diverges at 3e-7 and crawls at 1e-7", () => {
    const { Xnorm } = featureNormalize(features);
    const limitNormalized = 2 / lambdaMax(addOnes(Xnorm));
    expect(limitNormalized).toBeGreaterThan(1.1);
    expect(limitNormalized).toBeLessThan(1.2);
    const limitRaw = 2 / lambdaMax(Xraw);
    expect(limitRaw).toBeGreaterThan(1e-7);
    expect(limitRaw).toBeLessThan(3e-7);
    const minimum = computeCost(Xraw, prices, normalEquation(Xraw, prices));
    expect(minimum).toBeCloseTo(8.17e8, -6);
    expect(gradientDescent(Xraw, prices, [0, 0, 0], 1e-7, 400).history[399].loss / 1e9).toBeCloseTo(1.09, 2);
    expect(lessonText).toContain("$\\alpha = 1.5$ diverges");
    expect(lessonText).toContain("$1.09 \\times 10^9$ after\n400 steps");
  });

  it("states the figures of 'Why the two answers agree' as the normal equation and 400 steps of descent give them", () => {
    const closed = solve(new Matrix(Xraw), Matrix.columnVector(prices)).to1DArray();
    const { Xnorm, mu, sigma } = featureNormalize(features);
    const descent = gradientDescent(addOnes(Xnorm), prices, [0, 0, 0], 0.1, 400).theta;
    const closedPrice = closed[0] + 1650 * closed[1] + 3 * closed[2];
    const house = [1, (1650 - mu[0]) / sigma[0], (3 - mu[1]) / sigma[1]];
    const descentPrice = house.reduce((s, v, j) => s + v * descent[j], 0);
    // "[52955, 120.4, 5880]: about $120 per square foot ... [365673, 126795, 6668] ... 1,650 sq ft, 3-bedroom ... $269 thousand ($269,330 against $269,363)"
    const agree = statedNumbers(lessonText, "The normal equation on raw features gives", 12);
    const thousands = (price: number) => Math.round(price / 1000);
    expect(
      asStated([...closed, closed[1], ...descent, 1650, 3, thousands(closedPrice), closedPrice, descentPrice], agree),
    ).toEqual(values(agree));
    expect(thousands(descentPrice)).toBe(thousands(closedPrice));
    // "The remaining gap of $32.49 ($269,362.60 against $269,330.12, before rounding)"
    const gap = statedNumbers(lessonText, "remaining gap of", 3);
    expect(asStated([descentPrice - closedPrice, descentPrice, closedPrice], gap)).toEqual(values(gap));
  });
});
