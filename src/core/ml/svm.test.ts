import { describe, expect, it } from "vitest";
import { generateSvmNonlinear } from "./datasets/svm-nonlinear";
import { generateSvmOutlier } from "./datasets/svm-outlier";
import { matVec } from "./linalg";
import { createRng } from "./prng";
import {
  gaussianKernel,
  gramMatrix,
  linearKernel,
  signedLabels,
  svmAccuracy,
  svmExact,
  svmObjective,
  svmTrain,
} from "./svm";

/**
 * An independent solver: dual coordinate ascent (Hsieh et al., 2008) for
 * max sum(alpha) - 1/2 sum_ij alpha_i alpha_j y_i y_j K_ij with 0 <= alpha_i <= C/m
 * (no equality constraint: the intercept is inside K through the +1).
 * The primal weights are beta_i = y_i alpha_i. Returns beta and the dual objective.
 */
function dualCoordinateAscent(K: number[][], y: number[], C: number, sweeps: number): { beta: number[]; dual: number } {
  const m = y.length;
  const alpha = new Array<number>(m).fill(0);
  const f = new Array<number>(m).fill(0);
  for (let s = 0; s < sweeps; s++) {
    for (let i = 0; i < m; i++) {
      const next = Math.min(C / m, Math.max(0, alpha[i] + (1 - y[i] * f[i]) / K[i][i]));
      const delta = (next - alpha[i]) * y[i];
      if (delta !== 0) for (let r = 0; r < m; r++) f[r] += delta * K[r][i];
      alpha[i] = next;
    }
  }
  const beta = alpha.map((a, i) => a * y[i]);
  const dual = alpha.reduce((s, a) => s + a, 0) - beta.reduce((s, b, i) => s + b * f[i], 0) / 2;
  return { beta, dual };
}

describe("gaussianKernel", () => {
  it("is 0.324652 for the classic example x1 = [1 2 1], x2 = [0 4 -1], sigma = 2", () => {
    expect(gaussianKernel([1, 2, 1], [0, 4, -1], 2)).toBeCloseTo(Math.exp(-9 / 8), 14);
    expect(gaussianKernel([1, 2, 1], [0, 4, -1], 2)).toBeCloseTo(0.324652, 6);
  });
});

describe("svmTrain", () => {
  const outliers = generateSvmOutlier();
  const X1 = outliers.map((r) => r.slice(0, 2));
  const y1 = signedLabels(outliers.map((r) => r[2]));
  const K1 = gramMatrix(X1, X1, linearKernel);

  it("approaches the optimum that dual coordinate ascent certifies (linear kernel, C = 100)", () => {
    const { beta, dual } = dualCoordinateAscent(K1, y1, 100, 3000);
    const optimum = svmObjective(K1, y1, beta, 100);
    expect(optimum - dual).toBeLessThan(1e-3 * optimum);
    const ours = svmTrain(K1, y1, 100, 2000);
    expect(ours.history[1999].loss).toBeCloseTo(16.757857, 5);
    expect(ours.history[1999].loss).toBeGreaterThanOrEqual(optimum - 1e-9);
    expect(ours.history[1999].loss / optimum - 1).toBeLessThan(0.02);
    expect(svmAccuracy(K1, y1, ours.theta)).toBeCloseTo(svmAccuracy(K1, y1, beta), 12);
  });

  it("keeps every weight in the dual box |beta_i| <= C/m with the sign of y_i", () => {
    const { theta } = svmTrain(K1, y1, 10, 300);
    theta.forEach((b, i) => {
      expect(Math.abs(b)).toBeLessThanOrEqual(10 / 51 + 1e-12);
      expect(b * y1[i]).toBeGreaterThanOrEqual(0);
    });
  });

  it("gets within 1% of the Gaussian-kernel optimum on the wavy data and agrees with its test predictions", () => {
    const rows = createRng(11).shuffle(generateSvmNonlinear());
    const X = rows.slice(0, 150).map((r) => r.slice(0, 2));
    const y = signedLabels(rows.slice(0, 150).map((r) => r[2]));
    const kernel = (a: readonly number[], b: readonly number[]) => gaussianKernel(a, b, 0.4);
    const K = gramMatrix(X, X, kernel);
    const { beta, dual } = dualCoordinateAscent(K, y, 10, 2000);
    const optimum = svmObjective(K, y, beta, 10);
    expect(optimum - dual).toBeLessThan(1e-6 * optimum);
    const ours = svmTrain(K, y, 10, 3000);
    expect(ours.history[2999].loss / optimum - 1).toBeLessThan(0.01);
    const Xt = rows.slice(200).map((r) => r.slice(0, 2));
    const G = gramMatrix(Xt, X, kernel);
    const agree = matVec(G, ours.theta).filter((f, i) => Math.sign(f) === Math.sign(matVec(G, beta)[i])).length;
    expect(agree).toBeGreaterThanOrEqual(48);
  });

  it("follows the hand-computed steps on a two-point example", () => {
    const { theta, history } = svmTrain(
      [
        [2, 1],
        [1, 2],
      ],
      [1, -1],
      4,
      3,
    );
    expect(theta[0]).toBeCloseTo(2 / 3, 14);
    expect(history.map((h) => h.loss)).toEqual([4, 1, expect.closeTo(4 / 3 + 4 / 9, 12)]);
  });
});

describe("svmExact", () => {
  it("closes the duality gap to 1e-6 and does at least as well as 2,000 independent dual sweeps (linear and Gaussian kernels)", () => {
    const rows = generateSvmOutlier();
    const X = rows.map((r) => r.slice(0, 2));
    const y = signedLabels(rows.map((r) => r[2]));
    for (const K of [gramMatrix(X, X, linearKernel), gramMatrix(X, X, (a, b) => gaussianKernel(a, b, 0.5))]) {
      const { beta, dual } = svmExact(K, y, 100);
      const primal = svmObjective(K, y, beta, 100);
      expect(primal - dual).toBeGreaterThanOrEqual(-1e-9);
      expect(primal - dual).toBeLessThan(1e-6 * primal);
      expect(primal).toBeLessThanOrEqual(svmObjective(K, y, dualCoordinateAscent(K, y, 100, 2000).beta, 100) + 1e-9);
      expect(beta.every((b, i) => b * y[i] >= 0 && Math.abs(b) <= 100 / y.length + 1e-15)).toBe(true);
    }
  });
});
