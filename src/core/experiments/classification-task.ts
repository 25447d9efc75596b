/**
 * The shared float64 harness of the logistic-regression experiment tasks:
 * one seeded split, one feature map (chosen by the task), the same starting
 * parameters for every implementation, and float64 scores of the final
 * parameters (cost with the task's lambda, train and test accuracy).
 */
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { zeros } from "../ml/linalg";
import { accuracy, logisticCost, predictLabels } from "../ml/logistic-regression";
import { createRng } from "../ml/prng";
import { splitTrainTest } from "../ml/split";

/** Design matrices (features already mapped, first column ones), 0/1 labels and starting parameters. */
export interface PreparedClassification {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
  /** The raw feature columns (all but the last) of the training rows, for plots in data units. */
  rawTrain: number[][];
  initialTheta: number[];
}

/** Train cost (with the lambda the model was trained with), train and test accuracy in [0, 1]. */
export type ClassificationScore = {
  trainCost: number;
  trainAccuracy: number;
  testAccuracy: number;
};

/**
 * Checks the spec names `taskId` and this dataset, splits the rows with
 * `splitTrainTest(rows, spec.split)`, and maps each part's raw feature rows
 * with `buildFeatures(trainRaw)` (fitted on the training part only), which
 * returns the function that maps any raw rows. Labels must be 0 or 1.
 * `initialTheta` is zeros, or for `init: "random"` one
 * `createRng(spec.seed).uniform(-0.5, 0.5)` per parameter. Pure.
 */
export function prepareClassification(
  dataset: LoadedDataset,
  spec: ExperimentSpec,
  taskId: string,
  buildFeatures: (trainRaw: number[][]) => (raw: number[][]) => number[][],
): PreparedClassification {
  if (spec.task !== taskId) throw new Error(`experiment task is "${String(spec.task)}", not ${taskId}`);
  if (spec.dataset.id !== dataset.id || spec.dataset.version !== dataset.version) {
    throw new Error(
      `experiment wants ${spec.dataset.id}@${spec.dataset.version} but got ${dataset.id}@${dataset.version}`,
    );
  }
  if (dataset.rows.some((row) => row[row.length - 1] !== 0 && row[row.length - 1] !== 1)) {
    throw new Error(`${dataset.id}: the last column must hold 0/1 labels for ${taskId}`);
  }
  const { train, test } = splitTrainTest(dataset.rows, spec.split);
  const raw = (rows: number[][]) => rows.map((r) => r.slice(0, -1));
  const labels = (rows: number[][]) => rows.map((r) => r[r.length - 1]);
  const map = buildFeatures(raw(train));
  const XTrain = map(raw(train));
  const nParams = XTrain[0]?.length ?? 0;
  const rng = createRng(spec.seed);
  const initialTheta =
    spec.init === "random" ? Array.from({ length: nParams }, () => rng.uniform(-0.5, 0.5)) : zeros(nParams);
  return {
    XTrain,
    yTrain: labels(train),
    XTest: map(raw(test)),
    yTest: labels(test),
    rawTrain: raw(train),
    initialTheta,
  };
}

/** Scores flattened final parameters in float64; throws on a wrong length, returns NaN for empty parts. */
export function scoreClassification(
  theta: readonly number[],
  prepared: PreparedClassification,
  lambda = 0,
): ClassificationScore {
  if (theta.length !== prepared.initialTheta.length) {
    throw new Error(`theta has ${theta.length} entries, expected ${prepared.initialTheta.length}`);
  }
  const acc = (X: number[][], y: number[]) => (X.length === 0 ? Number.NaN : accuracy(predictLabels(X, theta), y));
  return {
    trainCost: logisticCost(prepared.XTrain, prepared.yTrain, theta, lambda),
    trainAccuracy: acc(prepared.XTrain, prepared.yTrain),
    testAccuracy: acc(prepared.XTest, prepared.yTest),
  };
}

/**
 * The part of the line a x + b y + c = 0 inside the box [x0, x1] x [y0, y1],
 * as its two end points, or [] when the line misses the box (or a = b = 0).
 */
export function lineInBox(
  a: number,
  b: number,
  c: number,
  box: { x0: number; x1: number; y0: number; y1: number },
): { x: number; y: number }[] {
  const hits: { x: number; y: number }[] = [];
  const inside = (v: number, lo: number, hi: number) => v >= lo - 1e-9 * (hi - lo) && v <= hi + 1e-9 * (hi - lo);
  if (b !== 0) {
    for (const x of [box.x0, box.x1]) {
      const y = -(a * x + c) / b;
      if (inside(y, box.y0, box.y1)) hits.push({ x, y });
    }
  }
  if (a !== 0) {
    for (const y of [box.y0, box.y1]) {
      const x = -(b * y + c) / a;
      if (inside(x, box.x0, box.x1)) hits.push({ x, y });
    }
  }
  if (hits.length < 2) return [];
  hits.sort((p, q) => p.x - q.x || p.y - q.y);
  return [hits[0], hits[hits.length - 1]];
}
