/**
 * The "neural-network" task: `trainNetwork(X, y, layerSizes, initialParams, lambda, alpha, iterations)`
 * trains a one-hidden-layer sigmoid network by batch gradient descent on a
 * seeded split; metrics trainCost, trainAccuracy, testAccuracy (float64).
 */
import type { PlotSpec } from "../plot/plot-types";
import { accuracy } from "../ml/one-vs-all";
import {
  initialParams,
  nnCostFunction,
  parameterCount,
  predictNetwork,
  reshapeParams,
  type LayerSizes,
} from "../ml/neural-network";
import { createRng } from "../ml/prng";
import { splitTrainTest } from "../ml/split";
import type { ExperimentTaskDefinition } from "./task-types";

/** Inputs (no column of ones; features divided by the largest |feature| of the training rows), labels and layer sizes. */
export interface PreparedNetwork {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
  sizes: LayerSizes;
}

/** Splits with `splitTrainTest`, scales features into [-1, 1] by the training maximum, sizes [n, hidden, K]. Pure. */
export function prepareNetwork(
  rows: readonly number[][],
  split: { test: number; seed: number },
  hidden: number,
): PreparedNetwork {
  const labels = rows.map((r) => r[r.length - 1]);
  if (labels.some((l) => !Number.isInteger(l) || l < 0))
    throw new Error("the last column must hold class labels 0, 1, 2, ...");
  if (!Number.isInteger(hidden) || hidden < 1)
    throw new Error(`params.hidden must be a positive integer, got ${hidden}`);
  const { train, test } = splitTrainTest(rows, split);
  let scale = 0;
  train.forEach((r) => r.slice(0, -1).forEach((v) => (scale = Math.max(scale, Math.abs(v)))));
  scale = scale || 1;
  const features = (part: readonly number[][]) => part.map((r) => r.slice(0, -1).map((v) => v / scale));
  const targets = (part: readonly number[][]) => part.map((r) => r[r.length - 1]);
  const sizes: LayerSizes = [rows[0].length - 1, hidden, Math.max(...labels) + 1];
  return { XTrain: features(train), yTrain: targets(train), XTest: features(test), yTest: targets(test), sizes };
}

/** Float64 metrics of flattened parameters. */
export function scoreNetwork(
  theta: readonly number[],
  prepared: PreparedNetwork,
  lambda: number,
): Record<string, number> {
  if (theta.length !== parameterCount(prepared.sizes))
    throw new Error(`theta has ${theta.length} entries, expected ${parameterCount(prepared.sizes)}`);
  const weights = reshapeParams(theta, prepared.sizes);
  return {
    trainCost: nnCostFunction(theta, prepared.sizes, prepared.XTrain, prepared.yTrain, lambda).cost,
    trainAccuracy: accuracy(predictNetwork(weights, prepared.XTrain), prepared.yTrain),
    testAccuracy: accuracy(predictNetwork(weights, prepared.XTest), prepared.yTest),
  };
}

/** The hidden units' input weights of 64-input (8x8 image) networks as tiles: red +, blue -. Empty otherwise. */
function hiddenUnitImages(name: string, theta: readonly number[], sizes: LayerSizes): PlotSpec[] {
  const [n, h] = sizes;
  if (n !== 64) return [];
  const { Theta1 } = reshapeParams(theta, sizes);
  const across = Math.min(8, h);
  const down = Math.ceil(h / across);
  const width = across * 9 - 1;
  const height = down * 9 - 1;
  const rgb: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const j = Math.floor(y / 9) * across + Math.floor(x / 9);
      if (x % 9 === 8 || y % 9 === 8 || j >= h) {
        rgb.push(1, 1, 1);
        continue;
      }
      const row = Theta1[j].slice(1);
      const w = row[(y % 9) * 8 + (x % 9)] / Math.max(1e-12, ...row.map(Math.abs));
      rgb.push(w > 0 ? 1 : 1 + w, 1 - Math.abs(w), w < 0 ? 1 : 1 - w);
    }
  }
  return [
    {
      kind: "image",
      title: `Hidden units' pixel weights (${name}), each scaled to its largest: red +, blue -`,
      width,
      height,
      rgb,
    },
  ];
}

export const neuralNetworkTask: ExperimentTaskDefinition = {
  id: "neural-network",
  description:
    "one-hidden-layer sigmoid network by batch gradient descent: fn(X, y, [n, hidden, K], initialParams, lambda, alpha, iterations); params hidden, lambda, alpha, iterations, optional epsilonInit (0.12); metrics trainCost, trainAccuracy, testAccuracy",
  requiredParams: ["hidden", "lambda", "alpha", "iterations"],
  prepare(dataset, spec) {
    const { hidden, lambda, alpha, iterations } = spec.params;
    const prepared = prepareNetwork(dataset.rows, spec.split, hidden);
    const start =
      spec.init === "zeros"
        ? new Array<number>(parameterCount(prepared.sizes)).fill(0)
        : initialParams(createRng(spec.seed), prepared.sizes, spec.params.epsilonInit ?? 0.12);
    return {
      args: [prepared.XTrain, prepared.yTrain, [...prepared.sizes], start, lambda, alpha, iterations],
      initialTheta: start,
      trainRows: prepared.yTrain.length,
      testRows: prepared.yTest.length,
      score: (theta) => scoreNetwork(theta, prepared, lambda),
      plots: (results) => results.flatMap(({ name, theta }) => hiddenUnitImages(name, theta, prepared.sizes)),
    };
  },
};
