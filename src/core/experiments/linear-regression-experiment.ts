/** The "linear-regression" task: `gradientDescent(X, y, theta, alpha, iterations)` on a seeded split. */
import type { PlotSpec } from "../plot/plot-types";
import type { ExperimentSpec } from "../lesson/types";
import type { ExperimentTaskDefinition, PreparedExperiment } from "./task-types";
import {
  prepareLinearRegression,
  scoreLinearRegression,
  type PreparedLinearRegression,
} from "./linear-regression-task";

/**
 * The experiment both linear-regression tasks run once their design matrices
 * are ready: `fn(X, y, theta, alpha, iterations)`, scored by train and test cost.
 */
export function linearRegressionExperiment(
  prepared: PreparedLinearRegression,
  spec: ExperimentSpec,
  plots: (results: { name: string; theta: number[] }[]) => PlotSpec[],
): PreparedExperiment {
  return {
    args: [prepared.XTrain, prepared.yTrain, prepared.initialTheta, spec.params.alpha, spec.params.iterations],
    initialTheta: prepared.initialTheta,
    trainRows: prepared.yTrain.length,
    testRows: prepared.yTest.length,
    score: (theta) => scoreLinearRegression(theta, prepared),
    plots,
  };
}

export const linearRegressionTask: ExperimentTaskDefinition = {
  id: "linear-regression",
  description:
    "batch gradient descent on a linear model: fn(X, y, theta, alpha, iterations); metrics trainCost, testCost",
  requiredParams: ["alpha", "iterations"],
  prepare(dataset, spec) {
    const prepared = prepareLinearRegression(dataset, spec);
    return linearRegressionExperiment(prepared, spec, (results) =>
      dataset.columns.length === 2 ? [fittedLines(prepared, results, dataset.columns)] : [],
    );
  },
};

/** The training points (one feature) with each implementation's fitted line over their range. */
function fittedLines(
  prepared: PreparedLinearRegression,
  results: { name: string; theta: number[] }[],
  columns: string[],
): PlotSpec {
  const xs = prepared.XTrain.map((row) => row[1]);
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  return {
    kind: "scatter",
    title: "Training data and the fitted lines",
    xLabel: columns[0],
    yLabel: columns[1],
    series: [{ name: "training examples", points: xs.map((x, i) => ({ x, y: prepared.yTrain[i] })) }],
    lines: results.map(({ name, theta }) => ({
      name,
      points: [lo, hi].map((x) => ({ x, y: theta[0] + theta[1] * x })),
    })),
  };
}
