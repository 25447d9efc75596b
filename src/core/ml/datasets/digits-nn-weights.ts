/**
 * Lesson 5's "pretrained" network: weights of a 64-25-10 sigmoid network
 * trained on the training part of digits-8x8@1 by the reference
 * backpropagation in `../neural-network.ts`, seeded, so anyone can retrain
 * them bit for bit. The shipped file `public/datasets/digits-nn-weights-v1.csv`
 * is `digitsWeightsCsv(trainDigitsWeights(digitRows))`.
 *
 * DO NOT CHANGE THIS RECIPE FOR VERSION 1: the shipped file's checksum and
 * lesson 5's check values depend on it. Changed weights are a new version.
 */
import {
  flattenWeights,
  initialParams,
  reshapeParams,
  trainNetwork,
  type LayerSizes,
  type NetworkWeights,
} from "../neural-network";
import { createRng } from "../prng";
import { splitTrainTest } from "../split";

/** Layer sizes of the shipped network: 64 pixels, 25 hidden units, 10 digits. */
export const DIGITS_NN_SIZES: LayerSizes = [64, 25, 10];
/** The recipe: split, seed of the initial weights, epsilon_init, lambda, learning rate, steps. */
export const DIGITS_NN_RECIPE = {
  split: { test: 0.25, seed: 42 },
  initSeed: 1,
  epsilonInit: 0.12,
  lambda: 1,
  alpha: 2,
  iterations: 1000,
} as const;
/** Column names in file order; `weight` is last, so `dataset().y` is the weights. */
export const DIGITS_NN_COLUMNS = ["layer", "row", "col", "weight"] as const;

/**
 * Trains the network on digits-8x8@1 rows ([p0..p63, digit]): pixels / 16,
 * the recipe's seeded split (training part only), initial weights from
 * `initialParams(createRng(1), sizes, 0.12)`, 1000 steps of batch gradient
 * descent (alpha 2, lambda 1). Deterministic; takes ~15 s in Node.
 */
export function trainDigitsWeights(digitRows: readonly (readonly number[])[]): NetworkWeights {
  const { split, initSeed, epsilonInit, lambda, alpha, iterations } = DIGITS_NN_RECIPE;
  const { train } = splitTrainTest(digitRows, split);
  const X = train.map((r) => r.slice(0, 64).map((v) => v / 16));
  const y = train.map((r) => r[64]);
  const start = initialParams(createRng(initSeed), DIGITS_NN_SIZES, epsilonInit);
  const { theta } = trainNetwork(X, y, DIGITS_NN_SIZES, start, lambda, alpha, iterations);
  return reshapeParams(theta, DIGITS_NN_SIZES);
}

/** Weights rounded to 6 decimals, as stored in the file (-0 written as 0). */
export function roundWeights(weights: NetworkWeights): NetworkWeights {
  const round = (w: number) => {
    const r = Math.round(w * 1e6) / 1e6;
    return r === 0 ? 0 : r;
  };
  return reshapeParams(flattenWeights(weights).map(round), DIGITS_NN_SIZES);
}

/**
 * The CSV: header `layer,row,col,weight`, then one line per weight, Theta1
 * (layer 1, 25 x 65) then Theta2 (layer 2, 10 x 26), row by row; row and col
 * are 0-based and col 0 is the bias weight. Weights with 6 decimals, LF, final newline.
 */
export function digitsWeightsCsv(weights: NetworkWeights): string {
  const rounded = roundWeights(weights);
  const lines: string[] = [DIGITS_NN_COLUMNS.join(",")];
  [rounded.Theta1, rounded.Theta2].forEach((W, l) =>
    W.forEach((row, r) => row.forEach((w, c) => lines.push(`${l + 1},${r},${c},${w.toFixed(6)}`))),
  );
  return lines.join("\n") + "\n";
}
