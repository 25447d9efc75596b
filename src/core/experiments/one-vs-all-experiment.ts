/**
 * The "one-vs-all" task: `oneVsAll(X, y, initialTheta, lambda, alpha, iterations)`
 * trains K regularized logistic-regression classifiers on a seeded split;
 * metrics trainAccuracy, testAccuracy, trainCost (float64, shared harness).
 */
import type { PlotSpec } from "../plot/plot-types";
import type { LoadedDataset } from "../ml/dataset-types";
import { accuracy, confusionMatrix, oneVsAllCost, predictOneVsAll } from "../ml/one-vs-all";
import { createRng } from "../ml/prng";
import { splitTrainTest } from "../ml/split";
import type { ExperimentTaskDefinition } from "./task-types";

/** Design matrices (ones column first, features divided by `scale`), labels, and K. */
export interface PreparedOneVsAll {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
  /** Number of classes: the largest label + 1. */
  K: number;
  /** The divisor applied to every feature: the largest |feature| in the training part (1 if all are 0). */
  scale: number;
}

/**
 * Splits with `splitTrainTest(rows, split)`, divides every feature by the largest
 * absolute feature value of the training rows (16 for 8x8 digit pixels, giving [0, 1]),
 * prepends a column of ones. Labels must be integers >= 0. Pure.
 */
export function prepareOneVsAll(dataset: LoadedDataset, split: { test: number; seed: number }): PreparedOneVsAll {
  const labels = dataset.rows.map((r) => r[r.length - 1]);
  if (labels.some((l) => !Number.isInteger(l) || l < 0))
    throw new Error(`${dataset.id}: the last column must hold class labels 0, 1, 2, ...`);
  const { train, test } = splitTrainTest(dataset.rows, split);
  let scale = 0;
  train.forEach((r) => r.slice(0, -1).forEach((v) => (scale = Math.max(scale, Math.abs(v)))));
  scale = scale || 1;
  const features = (rows: number[][]) => rows.map((r) => [1, ...r.slice(0, -1).map((v) => v / scale)]);
  const targets = (rows: number[][]) => rows.map((r) => r[r.length - 1]);
  return {
    XTrain: features(train),
    yTrain: targets(train),
    XTest: features(test),
    yTest: targets(test),
    K: Math.max(...labels) + 1,
    scale,
  };
}

/** Accuracies on both parts and the mean regularized training cost of K x n parameters (flattened row-major). */
export function scoreOneVsAll(
  theta: readonly number[],
  prepared: PreparedOneVsAll,
  lambda: number,
): Record<string, number> {
  const n = prepared.XTrain[0].length;
  if (theta.length !== prepared.K * n)
    throw new Error(`theta has ${theta.length} entries, expected ${prepared.K} x ${n}`);
  const Theta = Array.from({ length: prepared.K }, (_, k) => theta.slice(k * n, (k + 1) * n));
  return {
    trainAccuracy: accuracy(predictOneVsAll(Theta, prepared.XTrain), prepared.yTrain),
    testAccuracy: accuracy(predictOneVsAll(Theta, prepared.XTest), prepared.yTest),
    trainCost: oneVsAllCost(prepared.XTrain, prepared.yTrain, Theta, lambda),
  };
}

/** Test-set confusion counts of one implementation, and (for 64 = 8x8 features) its K weight images. */
function oneVsAllPlots(name: string, theta: readonly number[], prepared: PreparedOneVsAll): PlotSpec[] {
  const n = prepared.XTrain[0].length;
  const K = prepared.K;
  const Theta = Array.from({ length: K }, (_, k) => theta.slice(k * n, (k + 1) * n));
  const counts = confusionMatrix(predictOneVsAll(Theta, prepared.XTest), prepared.yTest, K);
  const classes = Array.from({ length: K }, (_, k) => k);
  const plots: PlotSpec[] = [
    {
      kind: "heatmap",
      title: `Test confusion counts (${name}): actual by predicted`,
      xLabel: "predicted",
      yLabel: "actual",
      xs: classes,
      ys: classes,
      values: counts,
    },
  ];
  if (n === 65) plots.push(weightImages(name, Theta));
  return plots;
}

/**
 * The K rows of Theta (bias dropped) as 8x8 tiles, 5 per row with 1-pixel white gaps:
 * red = positive weight (ink there is evidence for the class), blue = negative.
 */
function weightImages(name: string, Theta: number[][]): PlotSpec {
  const K = Theta.length;
  const across = Math.min(5, K);
  const down = Math.ceil(K / across);
  const width = across * 9 - 1;
  const height = down * 9 - 1;
  const biggest = Math.max(1e-12, ...Theta.flatMap((row) => row.slice(1).map(Math.abs)));
  const rgb: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = Math.floor(y / 9) * across + Math.floor(x / 9);
      if (x % 9 === 8 || y % 9 === 8 || k >= K) {
        rgb.push(1, 1, 1);
        continue;
      }
      const w = Theta[k][1 + (y % 9) * 8 + (x % 9)] / biggest;
      rgb.push(w > 0 ? 1 : 1 + w, 1 - Math.abs(w), w < 0 ? 1 : 1 - w);
    }
  }
  return {
    kind: "image",
    title: `What each classifier looks for (${name}): weights for digits 0-4 (top) and 5-9, red +, blue -`,
    width,
    height,
    rgb,
  };
}

export const oneVsAllTask: ExperimentTaskDefinition = {
  id: "one-vs-all",
  description:
    "one-vs-all logistic regression: fn(X, y, initialTheta K x n, lambda, alpha, iterations); metrics trainAccuracy, testAccuracy, trainCost",
  requiredParams: ["lambda", "alpha", "iterations"],
  prepare(dataset, spec) {
    const prepared = prepareOneVsAll(dataset, spec.split);
    const n = prepared.XTrain[0].length;
    const rng = createRng(spec.seed);
    const initial = Array.from({ length: prepared.K }, () =>
      Array.from({ length: n }, () => (spec.init === "random" ? rng.uniform(-0.5, 0.5) : 0)),
    );
    const { lambda, alpha, iterations } = spec.params;
    return {
      args: [prepared.XTrain, prepared.yTrain, initial, lambda, alpha, iterations],
      initialTheta: initial.flat(),
      trainRows: prepared.yTrain.length,
      testRows: prepared.yTest.length,
      score: (theta) => scoreOneVsAll(theta, prepared, lambda),
      plots: (results) => results.flatMap(({ name, theta }) => oneVsAllPlots(name, theta, prepared)),
    };
  },
};
