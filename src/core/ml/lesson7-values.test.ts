/**
 * Guards the numbers lesson 7 (lessons/07-bias-and-variance.md) states and
 * checks, on dam-outflow@2, against independent implementations: features
 * and statistics by direct loops, the regularized normal equation
 * (X^T X + lambda L)^-1 X^T y solved by ml-matrix wherever gradient descent
 * has converged, and gradient descent rewritten with ml-matrix operations
 * where it has not (small lambda).
 */
import { readFileSync } from "node:fs";
import { EigenvalueDecomposition, Matrix, solve } from "ml-matrix";
import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import { DAM_OUTFLOW_V2_SPLIT_SEED, damOutflowCsv, generateDamOutflow } from "./datasets/dam-outflow";
import { DATASETS } from "./datasets-registry";
import { maxAbsDiff } from "./linalg";
import { sha256Hex } from "./sha256";
import { asStated, roundLike as roundTo, statedNumbers, values } from "./stated-numbers";
import { regularizedLinearRegressionTask } from "../experiments/regularized-linear-regression-experiment";

const lessonText = readFileSync(new URL("../../../lessons/07-bias-and-variance.md", import.meta.url), "utf8");
const csv = readFileSync(new URL("../../../public/datasets/dam-outflow-v2.csv", import.meta.url), "utf8");
const rowsV1 = generateDamOutflow();
const rows = generateDamOutflow(514, DAM_OUTFLOW_V2_SPLIT_SEED);
const partsOf = (r: number[][]) => [0, 1, 2].map((k) => r.filter((row) => row[0] === k));
const [train, val, test] = partsOf(rows);

const yOf = (r: number[][]) => Matrix.columnVector(r.map((row) => row[2]));

/** Design matrix [1, standardized x^1..x^p] with training statistics, by direct loops. */
function designs(p: number, [train, val, test] = partsOf(rows)) {
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
  return { Xt: make(train), Xv: make(val), Xs: make(test), mu, yt: yOf(train), yv: yOf(val), ys: yOf(test) };
}
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

describe("dam-outflow@2", () => {
  it("is the generator's output, with the registered checksum and a 12 / 21 / 21 split of version 1's days", async () => {
    expect(damOutflowCsv(rows)).toBe(csv);
    expect(DATASETS.find((d) => d.id === "dam-outflow" && d.version === 2)?.sha256).toBe(await sha256Hex(csv));
    expect([train.length, val.length, test.length]).toEqual([12, 21, 21]);
    expect(rows.map((r) => r.slice(1))).toEqual(rowsV1.map((r) => r.slice(1)));
  });
});

describe("lesson 7 values on dam-outflow@2", () => {
  const p1 = designs(1);
  const p8 = designs(8);
  const [yt, yv, ys] = [p8.yt, p8.yv, p8.ys];
  const lambdas = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

  it("checks the cost 213.9558 and gradient [-10.0882, 464.4977] at theta = [1, 1], lambda = 1 on raw [1, x]", () => {
    const X = new Matrix(train.map((r) => [1, r[1]]));
    const theta = Matrix.columnVector([1, 1]);
    const r = X.mmul(theta).sub(yt);
    expect(r.dot(r) / 24 + 1 / 24).toBeCloseTo(213.9558, 3);
    const grad = X.transpose().mmul(r).div(12).to1DArray();
    expect(maxAbsDiff([grad[0], grad[1] + 1 / 12], [-10.0882, 464.4977])).toBeLessThan(1e-3);
    expect(lessonText).toContain("at11.cost, 213.9558,");
    expect(lessonText).toContain("[-10.0882, 464.4977]");
  });

  it("checks and states the least-squares line [12.164, 9.7071]: train 7.38, validation 9.57, test 8.94", () => {
    const theta = normalEquation(p1.Xt, yt, 0);
    expect(maxAbsDiff(theta.to1DArray(), [12.164, 9.7071])).toBeLessThan(1e-3);
    expect(error(p1.Xt, yt, theta)).toBeCloseTo(7.3829, 3);
    expect(lessonText).toContain("line.theta, [12.164, 9.7071]");
    expect(lessonText).toContain(".loss : NaN, 7.3829,");
    const [trainError] = statedNumbers(lessonText, "ends with a training error of about", 1);
    expect(roundTo(error(p1.Xt, yt, theta), trainError)).toBe(trainError.value);
    const [lineTest] = statedNumbers(lessonText, "the straight line scores", 1);
    expect(roundTo(error(p1.Xs, ys, theta), lineTest)).toBe(lineTest.value);
  });

  it("checks and states the line's learning curve (exact least squares on the first i >= 2 days)", () => {
    const checked = {
      train: [11.1672, 10.1897, 8.1539, 9.5947, 8.4692, 7.7785, 6.957, 6.9364, 7.6107, 7.3829],
      val: [165.0222, 23.4385, 15.7638, 14.2873, 14.2113, 11.5282, 10.7179, 10.4953, 10.768, 10.0114, 9.6102, 9.5673],
    };
    const errs = { train: [] as number[], val: [] as number[] };
    for (let i = 1; i <= 12; i++) {
      const Xi = p1.Xt.subMatrix(0, i - 1, 0, 1);
      const yi = yt.subMatrix(0, i - 1, 0, 0);
      // One day: the minimum-norm line through it (what descent from zeros reaches), else least squares.
      const theta =
        i === 1
          ? Xi.transpose().mul(yi.get(0, 0) / Xi.mmul(Xi.transpose()).get(0, 0))
          : i === 2
            ? solve(Xi, yi)
            : normalEquation(Xi, yi, 0);
      if (i >= 3) errs.train.push(error(Xi, yi, theta));
      errs.val.push(error(p1.Xv, yv, theta));
    }
    expect(maxAbsDiff(errs.train, checked.train)).toBeLessThan(1e-3);
    expect(maxAbsDiff(errs.val, checked.val)).toBeLessThan(1e-3);
    expect(lessonText).toContain(`[0, 0, ${checked.train.join(", ")}]`);
    expect(lessonText).toContain(checked.val.join(", "));
    // "training error settles between 7 and 10 (7.38 with all 12 days) and validation error falls from 14.29 (4 days) to 9.57 (12 days)"
    const stated = statedNumbers(lessonText, "training error settles between", 8);
    expect(Math.min(...errs.train.slice(1))).toBeGreaterThan(stated[0].value - 0.1);
    expect(Math.max(...errs.train.slice(1))).toBeLessThan(stated[1].value + 0.3);
    expect(asStated([errs.train[9], 12, errs.val[3], 4, errs.val[11], 12], stated.slice(2))).toEqual(
      values(stated.slice(2)),
    );
  });

  it("checks and states the training mean 1.0758 of x and 726.7765 of x^2, and the scale that forces normalization", () => {
    const xs = train.map((r) => r[1]);
    expect(xs.reduce((s, v) => s + v, 0) / 12).toBeCloseTo(1.0758, 4);
    expect(xs.reduce((s, v) => s + v * v, 0) / 12).toBeCloseTo(726.7765, 3);
    expect(p8.mu[1]).toBeCloseTo(726.7765, 3);
    expect(lessonText).toContain("[1.0758, 726.7765]");
    // "runs from -36.0 to 40.2, so $x^8$ reaches $6.8 \times 10^{12}$ ... force alpha below $2.8 \times 10^{-25}$"
    const raw = new Matrix(xs.map((v) => Array.from({ length: 9 }, (_, k) => v ** k)));
    const hessian = raw.transpose().mmul(raw).div(12);
    const lMax = Math.max(...new EigenvalueDecomposition(hessian).realEigenvalues);
    const stated = statedNumbers(lessonText, "the training days' $x$ runs from", 4);
    expect(asStated([Math.min(...xs), Math.max(...xs), Math.max(...xs.map((v) => v ** 8)), 2 / lMax], stated)).toEqual(
      values(stated),
    );
  });

  it("checks and states the degree-8, lambda = 0 learning curve: near-zero training error, validation several times larger, jumping", () => {
    const stated = statedNumbers(lessonText, "Training error stays near zero", 10);
    const curve = { train: [] as number[], val: [] as number[] };
    for (let i = 1; i <= 12; i++) {
      const Xi = p8.Xt.subMatrix(0, i - 1, 0, 8);
      const theta = descent(Xi, yt.subMatrix(0, i - 1, 0, 0), 0, 0.05, 3000);
      curve.train.push(error(Xi, yt.subMatrix(0, i - 1, 0, 0), theta));
      curve.val.push(error(p8.Xv, yv, theta));
    }
    // "(0.00 up to 4 days, 1.57 with all 12) ... (8.31) ... (6.73 with 3 days, 17.98 with 5, 7.78 with 7)"
    expect(
      asStated(
        [
          Math.max(...curve.train.slice(0, 4)),
          4,
          curve.train[11],
          12,
          curve.val[11],
          curve.val[2],
          3,
          curve.val[4],
          5,
          curve.val[6],
        ],
        stated,
      ),
    ).toEqual(values(stated));
    expect(lessonText).toContain("curve.errorTrain[11] ?? NaN, 1.5704,");
    expect(lessonText).toContain("curve.errorVal[11] ?? NaN, 8.3131,");
    expect(curve.train[11]).toBeCloseTo(1.5704, 3);
    expect(curve.val[11]).toBeCloseTo(8.3131, 3);
  });

  it("checks and states the validation curve: gradient descent in ml-matrix for every lambda, the normal equation where descent has converged", () => {
    const checkedTrain = [1.5704, 1.5714, 1.5732, 1.5799, 1.5992, 1.668, 1.8558, 2.5394, 4.1385, 6.8118];
    const checkedVal = [8.3131, 8.2995, 8.2726, 8.1814, 7.9453, 7.3261, 6.4131, 5.7832, 7.1594, 11.1805];
    const thetas = lambdas.map((lambda) => descent(p8.Xt, yt, lambda, 0.05, 3000));
    const trainErr = thetas.map((t) => error(p8.Xt, yt, t));
    const valErr = thetas.map((t) => error(p8.Xv, yv, t));
    expect(maxAbsDiff(trainErr, checkedTrain)).toBeLessThan(1e-3);
    expect(maxAbsDiff(valErr, checkedVal)).toBeLessThan(1e-3);
    for (const k of [7, 8, 9]) {
      const exact = normalEquation(p8.Xt, yt, lambdas[k]);
      expect(error(p8.Xt, yt, exact)).toBeCloseTo(checkedTrain[k], 3);
      expect(error(p8.Xv, yv, exact)).toBeCloseTo(checkedVal[k], 3);
    }
    // Exact least squares at lambda = 0 over-fits harder than 3000 steps of descent do (lesson's early-stopping remark).
    const exact0 = normalEquation(p8.Xt, yt, 0);
    expect(error(p8.Xt, yt, exact0)).toBeLessThan(checkedTrain[0]);
    expect(error(p8.Xv, yv, exact0)).toBeGreaterThan(checkedVal[0]);
    expect(lessonText).toContain(checkedTrain.join(", "));
    expect(lessonText).toContain(checkedVal.join(", "));
    expect(valErr.indexOf(Math.min(...valErr))).toBe(7);
    // "Validation error falls from 8.31 to its lowest, 5.78 at lambda = 1, not far above the noise level of 4.5, and climbs again to 11.18 at lambda = 10"
    const stated = statedNumbers(lessonText, "Validation error falls from", 6);
    expect(asStated([valErr[0], valErr[7], 1, 4.5, valErr[9], 10], stated.slice(0, 6))).toEqual(
      values(stated.slice(0, 6)),
    );
  });

  it("states the test error of the choice (6.44), that it is the best on test too, and what dam-outflow@1's split did", () => {
    const testErr = lambdas.map((lambda) => error(p8.Xs, ys, descent(p8.Xt, yt, lambda, 0.05, 3000)));
    expect(testErr[7]).toBeCloseTo(6.445, 3);
    expect(lessonText).toContain("6.445, { tol: 1e-3 }");
    expect(testErr.indexOf(Math.min(...testErr))).toBe(7);
    // "The test error is 6.44, a little above the validation error of 5.78 ... (8.78 at lambda = 0, 6.44 at lambda = 1, 11.21 at lambda = 10)"
    const valErr7 = error(p8.Xv, yv, descent(p8.Xt, yt, 1, 0.05, 3000));
    const head = statedNumbers(lessonText, "The test error is", 3);
    expect(asStated([testErr[7], valErr7, valErr7], head)).toEqual(values(head));
    const byLambda = statedNumbers(lessonText, "of the ten $\\lambda$, 1 is also", 6);
    expect(asStated([testErr[0], 0, testErr[7], 1, testErr[9], 10], byLambda)).toEqual(values(byLambda));
    // Version 1's split: lambda = 1 chosen on validation (4.99), 8.32 on test, worse than every smaller lambda.
    const v1 = designs(8, partsOf(rowsV1));
    const v1Thetas = lambdas.map((lambda) => descent(v1.Xt, v1.yt, lambda, 0.05, 3000));
    const v1Val = v1Thetas.map((t) => error(v1.Xv, v1.yv, t));
    const v1Test = v1Thetas.map((t) => error(v1.Xs, v1.ys, t));
    expect(v1Val.indexOf(Math.min(...v1Val))).toBe(7);
    expect(v1Test.slice(0, 7).every((e) => e < v1Test[7])).toBe(true);
    const v1Stated = statedNumbers(lessonText, "picked $\\lambda = 1$ on validation", 2);
    expect(asStated([v1Val[7], v1Test[7]], v1Stated)).toEqual(values(v1Stated));
  });

  it("the experiment task scores the 1,500-step fit as the lesson states (train 2.54, validation 5.78, test 6.44)", () => {
    const spec = {
      task: "regularized-linear-regression",
      dataset: { id: "dam-outflow", version: 2 },
      split: { test: 0.4, seed: 1 },
      seed: 7,
      init: "zeros",
      params: { lambda: 1, degree: 8, alpha: 0.05, iterations: 1500 },
    } as unknown as ExperimentSpec;
    expect(lessonText).toContain("params: { lambda: 1, degree: 8, alpha: 0.05, iterations: 1500 }");
    const prepared = regularizedLinearRegressionTask.prepare(
      { id: "dam-outflow", version: 2, sha256: "", columns: ["part", "level_change", "outflow"], rows },
      spec,
    );
    expect([prepared.trainRows, prepared.testRows]).toEqual([12, 21]);
    const theta = descent(p8.Xt, yt, 1, 0.05, 1500).to1DArray();
    const score = prepared.score(theta);
    const stated = statedNumbers(lessonText, "After 1,500 steps both reach a", 3);
    expect(asStated([score.trainError, score.validationError, score.testError], stated)).toEqual(values(stated));
    const plots = prepared.plots?.([{ name: "descent", theta }]) ?? [];
    expect(plots).toHaveLength(1);
  });
});
