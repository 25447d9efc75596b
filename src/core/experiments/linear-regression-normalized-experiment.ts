/**
 * The "linear-regression-normalized" task: like "linear-regression", but
 * every feature column is standardized with the mean and sample standard
 * deviation of the TRAINING rows (the test rows reuse those statistics, as
 * new data would) before the column of ones is prepended.
 * `gradientDescent(X, y, theta, alpha, iterations)`; metrics trainCost and
 * testCost, in squared target units (y is not scaled).
 */
import { featureNormalize, applyNormalization } from "../ml/feature-normalize";
import { matVec } from "../ml/linalg";
import type { PlotSpec } from "../plot/plot-types";
import type { ExperimentTaskDefinition } from "./task-types";
import { prepareLinearRegression, type PreparedLinearRegression } from "./linear-regression-task";
import { linearRegressionExperiment } from "./linear-regression-experiment";
import type { LoadedDataset } from "../ml/dataset-types";
import type { ExperimentSpec } from "../lesson/types";

/** A prepared linear-regression experiment whose feature columns (after the ones) are standardized. */
export interface PreparedNormalizedRegression extends PreparedLinearRegression {
  /** Training-row means of the raw feature columns. */
  mu: number[];
  /** Training-row sample standard deviations of the raw feature columns. */
  sigma: number[];
}

/** Splits as "linear-regression" does, then standardizes both parts with the training statistics. Pure. */
export function prepareNormalizedRegression(
  dataset: LoadedDataset,
  spec: ExperimentSpec,
): PreparedNormalizedRegression {
  if (spec.task !== "linear-regression-normalized") {
    throw new Error(`experiment task is "${String(spec.task)}", not linear-regression-normalized`);
  }
  const raw = prepareLinearRegression(dataset, { ...spec, task: "linear-regression" });
  const features = (X: number[][]) => X.map((row) => row.slice(1));
  const { mu, sigma } = featureNormalize(features(raw.XTrain));
  const withOnes = (X: number[][]) => applyNormalization(features(X), mu, sigma).map((row) => [1, ...row]);
  return { ...raw, XTrain: withOnes(raw.XTrain), XTest: withOnes(raw.XTest), mu, sigma };
}

function predictedVsActual(
  prepared: PreparedNormalizedRegression,
  results: { name: string; theta: number[] }[],
  target: string,
): PlotSpec {
  const ys = prepared.yTest;
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  return {
    kind: "scatter",
    title: `Test rows: predicted vs actual ${target}`,
    xLabel: `actual ${target}`,
    yLabel: `predicted ${target}`,
    series: results.map(({ name, theta }) => ({
      name,
      points: matVec(prepared.XTest, theta).map((p, i) => ({ x: ys[i], y: p })),
    })),
    lines: [
      {
        name: "perfect prediction",
        points: [
          { x: lo, y: lo },
          { x: hi, y: hi },
        ],
      },
    ],
  };
}

export const linearRegressionNormalizedTask: ExperimentTaskDefinition = {
  id: "linear-regression-normalized",
  description:
    "batch gradient descent on standardized features (training-row mean and std): fn(X, y, theta, alpha, iterations); metrics trainCost, testCost",
  requiredParams: ["alpha", "iterations"],
  prepare(dataset, spec) {
    const prepared = prepareNormalizedRegression(dataset, spec);
    const target = dataset.columns[dataset.columns.length - 1];
    return linearRegressionExperiment(prepared, spec, (results) =>
      prepared.yTest.length > 0 ? [predictedVsActual(prepared, results, target)] : [],
    );
  },
};
