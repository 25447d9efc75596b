import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { confusionAt, estimateGaussian, f1Score, gaussianDensity, selectThreshold } from "./anomaly-detection";
import { Matrix as MlMatrix } from "ml-matrix";

const servers = readFileSync(new URL("../../../public/datasets/server-metrics-v1.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number));
const Xtrain = servers.filter((r) => r[2] === 0).map((r) => [r[0], r[1]]);
const Xval = servers.filter((r) => r[2] === 1).map((r) => [r[0], r[1]]);
const yval = servers.filter((r) => r[2] === 1).map((r) => r[3]);

/** Independent F1: from sorted densities, sweeping each distinct cut-off once (no grid, no shared helpers). */
function bestF1BySorting(y: number[], p: number[]): number {
  const order = p.map((v, i) => [v, y[i]]).sort((a, b) => a[0] - b[0]);
  const positives = y.filter((v) => v === 1).length;
  let best = 0;
  let tp = 0;
  for (let k = 0; k < order.length; k++) {
    if (order[k][1] === 1) tp++;
    if (k + 1 < order.length && order[k + 1][0] === order[k][0]) continue;
    const flagged = k + 1;
    best = Math.max(best, tp === 0 ? 0 : (2 * tp) / (flagged + positives));
  }
  return best;
}

describe("estimateGaussian", () => {
  it("matches ml-matrix column means and population variances on the server data", () => {
    const M = new MlMatrix(Xtrain);
    const { mu, sigma2 } = estimateGaussian(Xtrain);
    const mean = M.mean("column");
    const variance = M.variance("column", { unbiased: false });
    mu.forEach((m, j) => expect(m).toBeCloseTo(mean[j], 10));
    sigma2.forEach((s, j) => expect(s).toBeCloseTo(variance[j], 10));
    expect(mu[0]).toBeCloseTo(14.072869, 5);
    expect(sigma2[1]).toBeCloseTo(2.787532, 5);
  });
});

describe("gaussianDensity", () => {
  it("equals the bivariate normal density with diagonal covariance, in closed form", () => {
    const [mu, s2] = [
      [0, 1],
      [1, 4],
    ];
    const bivariate = (x: number, y: number) =>
      Math.exp(-0.5 * (x ** 2 / s2[0] + (y - mu[1]) ** 2 / s2[1])) / (2 * Math.PI * Math.sqrt(s2[0] * s2[1]));
    const p = gaussianDensity(
      [
        [1, 2],
        [0, 0],
        [-3, 5],
      ],
      mu,
      s2,
    );
    expect(p[0]).toBeCloseTo(bivariate(1, 2), 14);
    expect(p[1]).toBeCloseTo(bivariate(0, 0), 14);
    expect(p[2]).toBeCloseTo(bivariate(-3, 5), 14);
  });

  it("integrates to about 1 over a wide grid", () => {
    const h = 0.05;
    let total = 0;
    for (let x = -8; x <= 8; x += h)
      for (let y = -7; y <= 9; y += h) total += gaussianDensity([[x, y]], [0, 1], [1, 4])[0] * h * h;
    expect(total).toBeCloseTo(1, 3);
  });
});

describe("selectThreshold", () => {
  it("finds the best grid F1 that a direct count finds, below the best cut-off of sorted densities", () => {
    const { mu, sigma2 } = estimateGaussian(Xtrain);
    const pval = gaussianDensity(Xval, mu, sigma2);
    const chosen = selectThreshold(yval, pval);
    // Direct: F1 = 2 tp / (2 tp + fp + fn) at every grid threshold, counted without the module's helpers.
    const lo = Math.min(...pval);
    const step = (Math.max(...pval) - lo) / 1000;
    let direct = 0;
    for (let k = 0; k <= 1000; k++) {
      const flagged = pval.map((p) => p < lo + k * step);
      const tp = flagged.filter((f, i) => f && yval[i] === 1).length;
      const wrong = flagged.filter((f, i) => f !== (yval[i] === 1)).length;
      direct = Math.max(direct, (2 * tp) / (2 * tp + wrong));
    }
    expect(chosen.f1).toBeCloseTo(direct, 12);
    expect(chosen.f1).toBeCloseTo(5 / 6, 12);
    // The linear grid is coarse where anomalies' densities are tiny: the exact sweep does better.
    expect(bestF1BySorting(yval, pval)).toBeCloseTo(7 / 8, 12);
    expect(chosen.epsilon).toBeCloseTo(7.3217e-5, 9);
    expect(f1Score(confusionAt(yval, pval, chosen.epsilon))).toBe(chosen.f1);
  });

  it("returns the first (smallest) of equally good thresholds", () => {
    const chosen = selectThreshold([0, 0, 1, 1, 0], [0.5, 0.4, 0.01, 0.2, 0.3]);
    expect(chosen).toEqual({ epsilon: expect.closeTo(0.20012, 12), f1: 1 });
  });

  it("scores F1 = 0 when nothing is caught", () => {
    expect(f1Score({ tp: 0, fp: 3, fn: 2 })).toBe(0);
    expect(f1Score({ tp: 2, fp: 2, fn: 0 })).toBeCloseTo(2 / 3, 12);
  });
});
