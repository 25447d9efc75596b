/**
 * The "regularized-linear-regression" task (lesson 7):
 * `trainLinearReg(X, y, theta, lambda, alpha, iterations)` on the degree-`degree`
 * (default 8) polynomial features of one input column, each power
 * standardized with the training rows' mean and sample standard deviation,
 * a column of ones first. The dataset must be `[part, x, y]` rows with a
 * fixed split in `part` (0 train, 1 validation, 2 test), so the spec's
 * `split` is not used. Metrics (unregularized half mean squared errors):
 * trainError, validationError, testError. Plots both fitted curves over the data.
 */
import type { ScatterPlot } from "../plot/plot-types";
import { polyFeatures, squaredError } from "../ml/bias-variance";
import { applyNormalization, featureNormalize } from "../ml/feature-normalize";
import { dot } from "../ml/linalg";
import type { LoadedDataset } from "../ml/dataset-types";
import type { ExperimentTaskDefinition } from "./task-types";

/** One part of the fixed split: raw inputs, targets and the design matrix. */
interface Part {
  x: number[];
  y: number[];
  X: number[][];
}

/** The three parts and the feature map fitted on the training part. */
export interface PreparedPolynomialRegression {
  train: Part;
  validation: Part;
  test: Part;
  /** Maps raw inputs to design-matrix rows [1, normalized x, ..., normalized x^p]. */
  features(x: readonly number[]): number[][];
}

/**
 * Splits `[part, x, y]` rows by `part`, fits the standardization of the
 * powers x^1..x^degree on the training rows and builds the three design
 * matrices. Pure; throws an Error on a dataset of the wrong shape.
 */
export function preparePolynomialRegression(dataset: LoadedDataset, degree: number): PreparedPolynomialRegression {
  if (dataset.columns.length !== 3 || dataset.columns[0] !== "part") {
    throw new Error(
      `${dataset.id}: regularized-linear-regression needs columns [part, x, y], got [${dataset.columns.join(", ")}]`,
    );
  }
  if (!Number.isInteger(degree) || degree < 1)
    throw new Error(`degree must be a positive integer, got ${String(degree)}`);
  const rowsOf = (k: number) => dataset.rows.filter((r) => r[0] === k);
  const trainRows = rowsOf(0);
  if (trainRows.length < 2) throw new Error(`${dataset.id}: needs at least 2 training rows (part = 0)`);
  const { mu, sigma } = featureNormalize(
    polyFeatures(
      trainRows.map((r) => r[1]),
      degree,
    ),
  );
  const features = (x: readonly number[]) =>
    applyNormalization(polyFeatures(x, degree), mu, sigma).map((row) => [1, ...row]);
  const part = (rows: number[][]): Part => ({
    x: rows.map((r) => r[1]),
    y: rows.map((r) => r[2]),
    X: features(rows.map((r) => r[1])),
  });
  return { train: part(trainRows), validation: part(rowsOf(1)), test: part(rowsOf(2)), features };
}

/** The data by part, with each implementation's fitted curve sampled at 120 points across the data's x range. */
function fittedCurves(
  prepared: PreparedPolynomialRegression,
  results: { name: string; theta: number[] }[],
  labels: { x: string; y: string },
  title: string,
): ScatterPlot {
  const all = [...prepared.train.x, ...prepared.validation.x, ...prepared.test.x];
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const xs = Array.from({ length: 120 }, (_, i) => lo + ((hi - lo) * i) / 119);
  const rows = prepared.features(xs);
  const points = (p: Part) => p.x.map((x, i) => ({ x, y: p.y[i] }));
  return {
    kind: "scatter",
    title,
    xLabel: labels.x,
    yLabel: labels.y,
    series: [
      { name: "training rows", points: points(prepared.train) },
      { name: "validation rows", points: points(prepared.validation) },
    ],
    lines: results.map(({ name, theta }) => ({
      name,
      points: xs.map((x, i) => ({ x, y: dot(rows[i], theta) })).filter((p) => Number.isFinite(p.y)),
    })),
  };
}

export const regularizedLinearRegressionTask: ExperimentTaskDefinition = {
  id: "regularized-linear-regression",
  description:
    "batch gradient descent on L2-regularized linear regression over standardized polynomial features (degree `degree`, default 8) of a [part, x, y] dataset with a fixed split (part 0/1/2 = train/validation/test; spec.split unused): fn(X, y, theta, lambda, alpha, iterations); metrics trainError, validationError, testError",
  requiredParams: ["lambda", "alpha", "iterations"],
  prepare(dataset, spec) {
    if (spec.task !== "regularized-linear-regression")
      throw new Error(`experiment task is "${String(spec.task)}", not regularized-linear-regression`);
    const degree = spec.params.degree ?? 8;
    const { lambda, alpha, iterations } = spec.params;
    const prepared = preparePolynomialRegression(dataset, degree);
    const initialTheta = new Array<number>(degree + 1).fill(0);
    const error = (p: Part, theta: number[]) => (p.y.length === 0 ? Number.NaN : squaredError(p.X, p.y, theta));
    return {
      args: [prepared.train.X, prepared.train.y, initialTheta, lambda, alpha, iterations],
      initialTheta,
      trainRows: prepared.train.y.length,
      testRows: prepared.test.y.length,
      score(theta) {
        if (theta.length !== initialTheta.length)
          throw new Error(`theta has ${theta.length} entries, expected ${initialTheta.length}`);
        return {
          trainError: error(prepared.train, theta),
          validationError: error(prepared.validation, theta),
          testError: error(prepared.test, theta),
        };
      },
      plots: (results) => [
        fittedCurves(
          prepared,
          results,
          { x: dataset.columns[1], y: dataset.columns[2] },
          `Degree-${degree} fits, lambda = ${lambda}`,
        ),
      ],
    };
  },
};
