/**
 * The "regularized-logistic-regression" task:
 * `gradientDescentReg(X, y, theta, alpha, iterations, lambda)` on the degree-`degree`
 * polynomial features of the dataset's two feature columns (`mapFeature`,
 * default degree 6: 28 columns, the first all ones), 0/1 labels last.
 * Metrics: trainCost (including the lambda penalty), trainAccuracy,
 * testAccuracy. Plots each implementation's decision regions over the data.
 */
import type { HeatmapPlot } from "../plot/plot-types";
import { mapFeature, predictLabels } from "../ml/logistic-regression";
import { prepareClassification, scoreClassification, type PreparedClassification } from "./classification-task";
import type { ExperimentTaskDefinition } from "./task-types";

/** Grid points per axis of the decision-region plots. */
const GRID = 50;

/**
 * Predicted class (0 or 1) of the polynomial model `theta` on a GRID x GRID
 * grid around the training points, with the points drawn over it.
 */
export function decisionRegions(
  prepared: PreparedClassification,
  theta: readonly number[],
  degree: number,
  title: string,
  labels: { x: string; y: string; negative: string; positive: string },
): HeatmapPlot {
  const raw = prepared.rawTrain;
  const range = (k: number) => {
    const v = raw.map((r) => r[k]);
    const [lo, hi] = [Math.min(...v), Math.max(...v)];
    const pad = 0.1 * (hi - lo);
    return Array.from({ length: GRID }, (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (GRID - 1));
  };
  const xs = range(0);
  const ys = range(1);
  const values = ys.map((y) =>
    predictLabels(
      xs.map((x) => mapFeature(x, y, degree)),
      theta,
    ),
  );
  const byLabel = (label: number) => raw.filter((_, i) => prepared.yTrain[i] === label).map(([x, y]) => ({ x, y }));
  return {
    kind: "heatmap",
    title,
    xLabel: labels.x,
    yLabel: labels.y,
    xs,
    ys,
    values,
    points: [
      { name: labels.positive, points: byLabel(1) },
      { name: labels.negative, points: byLabel(0) },
    ],
  };
}

export const regularizedLogisticRegressionTask: ExperimentTaskDefinition = {
  id: "regularized-logistic-regression",
  description:
    "batch gradient descent on L2-regularized logistic regression over degree-`degree` (default 6) polynomial features of two columns: fn(X, y, theta, alpha, iterations, lambda); metrics trainCost, trainAccuracy, testAccuracy",
  requiredParams: ["alpha", "iterations", "lambda"],
  prepare(dataset, spec) {
    if (dataset.columns.length !== 3)
      throw new Error(`${dataset.id}: regularized-logistic-regression needs exactly two feature columns and a label`);
    const degree = spec.params.degree ?? 6;
    const lambda = spec.params.lambda;
    const prepared = prepareClassification(
      dataset,
      spec,
      "regularized-logistic-regression",
      () => (raw) => raw.map(([a, b]) => mapFeature(a, b, degree)),
    );
    const [x, y, target] = dataset.columns;
    const labels = { x, y, positive: `${target} = 1`, negative: `${target} = 0` };
    return {
      args: [
        prepared.XTrain,
        prepared.yTrain,
        prepared.initialTheta,
        spec.params.alpha,
        spec.params.iterations,
        lambda,
      ],
      initialTheta: prepared.initialTheta,
      trainRows: prepared.yTrain.length,
      testRows: prepared.yTest.length,
      score: (theta) => scoreClassification(theta, prepared, lambda),
      plots: (results) =>
        results.map(({ name, theta }) =>
          decisionRegions(prepared, theta, degree, `Decision regions (${name}, lambda = ${lambda})`, labels),
        ),
    };
  },
};
