/** The "linear-regression" task: `gradientDescent(X, y, theta, alpha, iterations)` on a seeded split. */
import type { ExperimentTaskDefinition } from "./task-types";
import { prepareLinearRegression, scoreLinearRegression } from "./linear-regression-task";

export const linearRegressionTask: ExperimentTaskDefinition = {
  id: "linear-regression",
  description: "batch gradient descent on a linear model: fn(X, y, theta, alpha, iterations); metrics trainCost, testCost",
  requiredParams: ["alpha", "iterations"],
  prepare(dataset, spec) {
    const prepared = prepareLinearRegression(dataset, spec);
    return {
      args: [prepared.XTrain, prepared.yTrain, prepared.initialTheta, spec.params.alpha, spec.params.iterations],
      initialTheta: prepared.initialTheta,
      trainRows: prepared.yTrain.length,
      testRows: prepared.yTest.length,
      score: (theta) => scoreLinearRegression(theta, prepared),
      plots: (results) =>
        dataset.columns.length === 2
          ? [
              {
                kind: "scatter",
                title: "Training data and the fitted lines",
                xLabel: dataset.columns[0],
                yLabel: dataset.columns[1],
                series: [{ name: "training examples", points: prepared.XTrain.map((row, i) => ({ x: row[1], y: prepared.yTrain[i] })) }],
                lines: results.map(({ name, theta }) => {
                  const xs = prepared.XTrain.map((row) => row[1]);
                  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
                  return { name, points: [lo, hi].map((x) => ({ x, y: theta[0] + theta[1] * x })) };
                }),
              },
            ]
          : [],
    };
  },
};
