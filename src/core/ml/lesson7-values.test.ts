/**
 * Guards the numbers lesson 7 (lessons/07-bias-and-variance.md) states and
 * checks, on dam-outflow@1, against independent implementations: features
 * and statistics by direct loops, the regularized normal equation
 * (X^T X + lambda L)^-1 X^T y solved by ml-matrix wherever gradient descent
 * has converged, and gradient descent rewritten with ml-matrix operations
 * where it has not (small lambda).
 */
import { readFileSync } from "node:fs";
import { Matrix, solve } from "ml-matrix";
import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import { damOutflowCsv, generateDamOutflow } from "./datasets/dam-outflow";
import { DATASETS } from "./datasets-registry";
import { maxAbsDiff } from "./linalg";
import { sha256Hex } from "./sha256";
import { regularizedLinearRegressionTask } from "../experiments/regularized-linear-regression-experiment";

const lessonText = readFileSync(new URL("../../../lessons/07-bias-and-variance.md", import.meta.url), "utf8");
const csv = readFileSync(new URL("../../../public/datasets/dam-outflow-v1.csv", import.meta.url), "utf8");
const rows = generateDamOutflow();
const part = (k: number) => rows.filter((r) => r[0] === k);
const [train, val, test] = [part(0), part(1), part(2)];

/** Design matrix [1, standardized x^1..x^p] with training statistics, by direct loops. */
function designs(p: number) {
  const powers = (r: number[][]) =>
    r.map((row) => {
      const out: number[] = [];
      let v = 1;
      for (let k = 0; k < p; k++) {
        v *= row[1];
        out.push(v);
      }
      return out;
    });
  const F = powers(train);
  const mu = F[0].map((_, j) => F.reduce((s, r) => s + r[j], 0) / F.length);
  const sd = F[0].map((_, j) => Math.sqrt(F.reduce((s, r) => s + (r[j] - mu[j]) ** 2, 0) / (F.length - 1)));
  const make = (r: number[][]) => new Matrix(powers(r).map((row) => [1, ...row.map((v, j) => (v - mu[j]) / sd[j])]));
  return { Xt: make(train), Xv: make(val), Xs: make(test), mu };
}
const yOf = (r: number[][]) => Matrix.columnVector(r.map((row) => row[2]));
const error = (X: Matrix, y: Matrix, theta: Matrix) => {
  const r = X.mmul(theta).sub(y);
  return r.dot(r) / (2 * X.rows);
};

/** (X^T X + lambda L)^-1 X^T y, L = identity without its top-left 1. */
function normalEquation(X: Matrix, y: Matrix, lambda: number): Matrix {
  const A = X.transpose().mmul(X);
  for (let j = 1; j < A.rows; j++) A.set(j, j, A.get(j, j) + lambda);
  return solve(A, X.transpose().mmul(y));
}

/** Gradient descent written with ml-matrix operations (an independent implementation). */
function descent(X: Matrix, y: Matrix, lambda: number, alpha: number, iterations: number): Matrix {
  const m = X.rows;
  const mask = Matrix.columnVector(Array.from({ length: X.columns }, (_, j) => (j === 0 ? 0 : 1)));
  let theta = Matrix.zeros(X.columns, 1);
  for (let k = 0; k < iterations; k++) {
    const grad = X.transpose()
      .mmul(X.mmul(theta).sub(y))
      .div(m)
      .add(Matrix.mul(theta, mask).mul(lambda / m));
    theta = theta.sub(grad.mul(alpha));
  }
  return theta;
}

describe("dam-outflow@1", () => {
  it("is the generator's output, with the registered checksum and a 12 / 21 / 21 split", async () => {
    expect(damOutflowCsv(rows)).toBe(csv);
    expect(DATASETS.find((d) => d.id === "dam-outflow")?.sha256).toBe(await sha256Hex(csv));
    expect([train.length, val.length, test.length]).toEqual([12, 21, 21]);
  });
});

describe("lesson 7 values on dam-outflow@1", () => {
  const p1 = designs(1);
  const p8 = designs(8);
  const [yt, yv, ys] = [yOf(train), yOf(val), yOf(test)];

  it("states the cost 350.7088 and gradient [-14.2836, 727.2332] at theta = [1, 1], lambda = 1 on raw [1, x]", () => {
    const X = new Matrix(train.map((r) => [1, r[1]]));
    const theta = Matrix.columnVector([1, 1]);
    const r = X.mmul(theta).sub(yt);
    expect(r.dot(r) / 24 + 1 / 24).toBeCloseTo(350.7088, 3);
    const grad = X.transpose().mmul(r).div(12).to1DArray();
    expect(maxAbsDiff([grad[0], grad[1] + 1 / 12], [-14.2836, 727.2332])).toBeLessThan(1e-3);
    expect(lessonText).toContain("[-14.2836, 727.2332]");
  });

  it("states the least-squares line [12.1643, 9.7864]: train 9.7621, validation 12.9584, test 9.83", () => {
    const theta = normalEquation(p1.Xt, yt, 0);
    expect(maxAbsDiff(theta.to1DArray(), [12.1643, 9.7864])).toBeLessThan(1e-3);
    expect(error(p1.Xt, yt, theta)).toBeCloseTo(9.7621, 3);
    expect(error(p1.Xv, yv, theta)).toBeCloseTo(12.9584, 3);
    expect(error(p1.Xs, ys, theta)).toBeCloseTo(9.83, 2);
  });

  it("states the line's learning curve (exact least squares on the first i >= 2 days)", () => {
    const stated = {
      train: [4.5788, 10.9513, 10.4752, 8.7758, 8.676, 7.677, 7.0535, 10.5078, 10.1618, 9.7621],
      val: [17.616, 18.5955, 19.9581, 16.3373, 15.5668, 16.1573, 12.5188, 13.8282, 12.9584],
    };
    const errs = { train: [] as number[], val: [] as number[] };
    for (let i = 3; i <= 12; i++) {
      const Xi = p1.Xt.subMatrix(0, i - 1, 0, 1);
      const yi = yt.subMatrix(0, i - 1, 0, 0);
      const theta = normalEquation(Xi, yi, 0);
      errs.train.push(error(Xi, yi, theta));
      if (i >= 4) errs.val.push(error(p1.Xv, yv, theta));
    }
    expect(maxAbsDiff(errs.train, stated.train)).toBeLessThan(1e-3);
    expect(maxAbsDiff(errs.val, stated.val)).toBeLessThan(1e-3);
    expect(lessonText).toContain(stated.train.join(", "));
  });

  it("states the training mean -3.1193 of x and 984.9234 of x^2", () => {
    const xs = train.map((r) => r[1]);
    expect(xs.reduce((s, v) => s + v, 0) / 12).toBeCloseTo(-3.1193, 4);
    expect(xs.reduce((s, v) => s + v * v, 0) / 12).toBeCloseTo(984.9234, 3);
    expect(p8.mu[1]).toBeCloseTo(984.9234, 3);
  });

  it("states the validation curve: gradient descent in ml-matrix for every lambda, the normal equation where descent has converged", () => {
    const lambdas = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
    const statedTrain = [1.7667, 1.7686, 1.7724, 1.7855, 1.8219, 1.9352, 2.1854, 2.8982, 4.3112, 7.0589];
    const statedVal = [6.6485, 6.6417, 6.6282, 6.5824, 6.462, 6.1273, 5.5426, 4.9889, 5.6039, 7.7823];
    const thetas = lambdas.map((lambda) => descent(p8.Xt, yt, lambda, 0.05, 3000));
    expect(
      maxAbsDiff(
        thetas.map((t) => error(p8.Xt, yt, t)),
        statedTrain,
      ),
    ).toBeLessThan(1e-3);
    expect(
      maxAbsDiff(
        thetas.map((t) => error(p8.Xv, yv, t)),
        statedVal,
      ),
    ).toBeLessThan(1e-3);
    for (const k of [7, 8, 9]) {
      const exact = normalEquation(p8.Xt, yt, lambdas[k]);
      expect(error(p8.Xt, yt, exact)).toBeCloseTo(statedTrain[k], 3);
      expect(error(p8.Xv, yv, exact)).toBeCloseTo(statedVal[k], 3);
    }
    // Exact least squares at lambda = 0 over-fits harder than 3000 steps of descent do (lesson's early-stopping remark).
    const exact0 = normalEquation(p8.Xt, yt, 0);
    expect(error(p8.Xt, yt, exact0)).toBeLessThan(0.5);
    expect(error(p8.Xv, yv, exact0)).toBeGreaterThan(10);
    expect(lessonText).toContain(statedVal.join(", "));
  });

  it("states the test error 8.3183 of degree 8, lambda = 1 (normal equation)", () => {
    expect(error(p8.Xs, ys, normalEquation(p8.Xt, yt, 1))).toBeCloseTo(8.3183, 3);
    expect(lessonText).toContain("8.3183");
  });

  it("the experiment task scores the normal-equation optimum as the lesson states (train 2.90, validation 4.99, test 8.32)", () => {
    const spec = {
      task: "regularized-linear-regression",
      dataset: { id: "dam-outflow", version: 1 },
      split: { test: 0.4, seed: 1 },
      seed: 7,
      init: "zeros",
      params: { lambda: 1, degree: 8, alpha: 0.05, iterations: 1500 },
    } as unknown as ExperimentSpec;
    const prepared = regularizedLinearRegressionTask.prepare(
      { id: "dam-outflow", version: 1, sha256: "", columns: ["part", "level_change", "outflow"], rows },
      spec,
    );
    expect([prepared.trainRows, prepared.testRows]).toEqual([12, 21]);
    const score = prepared.score(normalEquation(p8.Xt, yt, 1).to1DArray());
    expect(score.trainError).toBeCloseTo(2.8982, 3);
    expect(score.validationError).toBeCloseTo(4.9889, 3);
    expect(score.testError).toBeCloseTo(8.3183, 3);
    const plots = prepared.plots?.([{ name: "exact", theta: normalEquation(p8.Xt, yt, 1).to1DArray() }]) ?? [];
    expect(plots).toHaveLength(1);
  });
});
