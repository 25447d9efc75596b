/**
 * The "logistic-regression" task: `gradientDescent(X, y, theta, alpha, iterations)`
 * on standardized features (training-row mean and sample std, a column of
 * ones first), 0/1 labels in the dataset's last column. Metrics: trainCost,
 * trainAccuracy, testAccuracy. With two features it plots the training data
 * and both decision boundaries in the data's own units.
 */
import type { PlotSpec } from "../plot/plot-types";
import { applyNormalization, featureNormalize } from "../ml/feature-normalize";
import {
  lineInBox,
  prepareClassification,
  scoreClassification,
  type PreparedClassification,
} from "./classification-task";
import type { ExperimentTaskDefinition } from "./task-types";

/**
 * Decision boundaries theta . [1, (x1 - mu1)/s1, (x2 - mu2)/s2] = 0 as lines in raw units,
 * over the training points split by label.
 */
export function boundaryPlot(
  prepared: PreparedClassification,
  stats: { mu: number[]; sigma: number[] },
  results: { name: string; theta: number[] }[],
  labels: { x: string; y: string; negative: string; positive: string },
): PlotSpec {
  const raw = prepared.rawTrain;
  const xs = raw.map((r) => r[0]);
  const ys = raw.map((r) => r[1]);
  const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  const { mu, sigma } = stats;
  const byLabel = (label: number) => raw.filter((_, i) => prepared.yTrain[i] === label).map(([x, y]) => ({ x, y }));
  return {
    kind: "scatter",
    title: "Training data and the decision boundaries",
    xLabel: labels.x,
    yLabel: labels.y,
    series: [
      { name: labels.positive, points: byLabel(1) },
      { name: labels.negative, points: byLabel(0) },
    ],
    lines: results.map(({ name, theta }) => {
      // theta0 + theta1 (x - mu1)/s1 + theta2 (y - mu2)/s2 = 0, written as a x + b y + c = 0.
      const a = theta[1] / sigma[0];
      const b = theta[2] / sigma[1];
      const c = theta[0] - a * mu[0] - b * mu[1];
      return { name: `boundary (${name})`, points: lineInBox(a, b, c, box) };
    }),
  };
}

export const logisticRegressionTask: ExperimentTaskDefinition = {
  id: "logistic-regression",
  description:
    "batch gradient descent on logistic regression over standardized features: fn(X, y, theta, alpha, iterations); metrics trainCost, trainAccuracy, testAccuracy",
  requiredParams: ["alpha", "iterations"],
  prepare(dataset, spec) {
    let stats = { mu: [] as number[], sigma: [] as number[] };
    const prepared = prepareClassification(dataset, spec, "logistic-regression", (trainRaw) => {
      const { mu, sigma } = featureNormalize(trainRaw);
      stats = { mu, sigma };
      return (raw) => applyNormalization(raw, mu, sigma).map((row) => [1, ...row]);
    });
    const [x, y, target] = dataset.columns;
    return {
      args: [prepared.XTrain, prepared.yTrain, prepared.initialTheta, spec.params.alpha, spec.params.iterations],
      initialTheta: prepared.initialTheta,
      trainRows: prepared.yTrain.length,
      testRows: prepared.yTest.length,
      score: (theta) => scoreClassification(theta, prepared),
      plots: (results) =>
        dataset.columns.length === 3
          ? [boundaryPlot(prepared, stats, results, { x, y, positive: `${target} = 1`, negative: `${target} = 0` })]
          : [],
    };
  },
};
