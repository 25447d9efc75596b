/**
 * The "optimizers" task: `trainWithOptimizer(X, y, w, batches, config)` on
 * L2-regularized logistic regression without intercept. The mini-batches (row
 * index lists, one per step) are drawn here from createRng(spec.seed), one
 * shuffle per epoch, and passed in, so the learner's code and the tfjs
 * reference take exactly the same steps. `params.optimizer` picks the rule:
 * 0 sgd, 1 momentum, 2 rmsprop, 3 adam.
 */
import type { ExperimentSpec } from "../lesson/types";
import type { PlotSpec } from "../plot/plot-types";
import type { LoadedDataset } from "../ml/dataset-types";
import {
  logisticLossAndGradient,
  logisticOptimum,
  OPTIMIZER_CODES,
  trainWithOptimizer,
  type OptimizerConfig,
} from "../ml/optimizers";
import { createRng } from "../ml/prng";
import { splitTrainTest } from "../ml/split";
import type { ExperimentTaskDefinition } from "./task-types";

/** Inputs and float64 reference values of one optimizer experiment. */
export interface PreparedOptimizers {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
  /** Starting weights: params.start1, start2, ... where given, else zeros (init: zeros) or seeded uniform in [-0.5, 0.5). */
  w0: number[];
  /** Row indices of each step's mini-batch, in order. */
  batches: number[][];
  config: OptimizerConfig;
  /** The exact minimiser of the regularized training loss (Newton's method, float64). */
  optimum: number[];
}

/** Reads the spec's params (with tfjs-like defaults), draws the batches and solves for the optimum. Throws an Error on bad params. */
export function prepareOptimizers(dataset: LoadedDataset, spec: ExperimentSpec): PreparedOptimizers {
  const p = spec.params;
  const name = OPTIMIZER_CODES[p.optimizer as keyof typeof OPTIMIZER_CODES];
  if (!name)
    throw new Error(`optimizer must be 0 (sgd), 1 (momentum), 2 (rmsprop) or 3 (adam), got ${String(p.optimizer)}`);
  if (!Number.isInteger(p.batchSize) || p.batchSize < 1)
    throw new Error(`batchSize must be a positive integer, got ${String(p.batchSize)}`);
  if (!Number.isInteger(p.epochs) || p.epochs < 1)
    throw new Error(`epochs must be a positive integer, got ${String(p.epochs)}`);
  const { train, test } = splitTrainTest(dataset.rows, spec.split);
  const features = (rows: number[][]) => rows.map((r) => r.slice(0, -1));
  const labels = (rows: number[][]) => rows.map((r) => r[r.length - 1]);
  const XTrain = features(train);
  const rng = createRng(spec.seed);
  const n = dataset.columns.length - 1;
  const w0 = Array.from({ length: n }, (_, j) => {
    const drawn = spec.init === "random" ? rng.uniform(-0.5, 0.5) : 0;
    return p[`start${j + 1}`] ?? drawn;
  });
  const batches: number[][] = [];
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    const order = rng.shuffle(XTrain.map((_, i) => i));
    for (let k = 0; k < order.length; k += p.batchSize) batches.push(order.slice(k, k + p.batchSize));
  }
  const config: OptimizerConfig = {
    optimizer: name,
    learningRate: p.learningRate,
    momentum: p.momentum ?? 0.9,
    decay: p.decay ?? 0.9,
    beta1: p.beta1 ?? 0.9,
    beta2: p.beta2 ?? 0.999,
    epsilon: p.epsilon ?? 1e-7,
    lambda: p.lambda,
  };
  const yTrain = labels(train);
  return {
    XTrain,
    yTrain,
    XTest: features(test),
    yTest: labels(test),
    w0,
    batches,
    config,
    optimum: logisticOptimum(XTrain, yTrain, p.lambda),
  };
}

/** finalLoss: regularized training loss; distanceToOptimum: Euclidean distance to the exact minimiser; testLoss: mean held-out cross-entropy. */
export function scoreOptimizers(theta: readonly number[], prepared: PreparedOptimizers): Record<string, number> {
  if (theta.length !== prepared.w0.length)
    throw new Error(`theta has ${theta.length} numbers, expected ${prepared.w0.length}`);
  return {
    finalLoss: logisticLossAndGradient(prepared.XTrain, prepared.yTrain, theta, prepared.config.lambda).loss,
    distanceToOptimum: Math.hypot(...theta.map((t, j) => t - prepared.optimum[j])),
    testLoss:
      prepared.XTest.length === 0 ? Number.NaN : logisticLossAndGradient(prepared.XTest, prepared.yTest, theta, 0).loss,
  };
}

/** The loss surface with the float64 reference path, both implementations' end points and the optimum (two-feature data only). */
function optimizerPlots(prepared: PreparedOptimizers, results: { name: string; theta: number[] }[]): PlotSpec[] {
  if (prepared.w0.length !== 2) return [];
  const path = trainWithOptimizer(
    prepared.XTrain,
    prepared.yTrain,
    prepared.w0,
    prepared.batches,
    prepared.config,
  ).path;
  const all = [...path, prepared.optimum, ...results.map((r) => r.theta)].filter((w) => w.every(Number.isFinite));
  const axis = (j: number) => {
    const lo = Math.min(...all.map((w) => w[j]));
    const hi = Math.max(...all.map((w) => w[j]));
    const pad = 0.15 * (hi - lo) + 0.1;
    return Array.from({ length: 50 }, (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / 49);
  };
  const xs = axis(0);
  const ys = axis(1);
  const loss = (w: number[]) =>
    logisticLossAndGradient(prepared.XTrain, prepared.yTrain, w, prepared.config.lambda).loss;
  return [
    {
      kind: "heatmap",
      title: `Training loss over (w1, w2) and the ${prepared.config.optimizer} path`,
      xLabel: "w1",
      yLabel: "w2",
      xs,
      ys,
      values: ys.map((w2) => xs.map((w1) => loss([w1, w2]))),
      lines: [
        { name: `${prepared.config.optimizer} path (float64 reference)`, points: path.map(([x, y]) => ({ x, y })) },
      ],
      points: [
        { name: "optimum", points: [{ x: prepared.optimum[0], y: prepared.optimum[1] }] },
        ...results.map(({ name, theta }) => ({ name: `end: ${name}`, points: [{ x: theta[0], y: theta[1] }] })),
      ],
    },
  ];
}

export const optimizersTask: ExperimentTaskDefinition = {
  id: "optimizers",
  description:
    "mini-batch optimizers on logistic regression: fn(X, y, w, batches, config) with config.optimizer sgd|momentum|rmsprop|adam (params.optimizer 0-3); metrics finalLoss, distanceToOptimum, testLoss",
  requiredParams: ["optimizer", "learningRate", "batchSize", "epochs", "lambda"],
  prepare(dataset, spec) {
    const prepared = prepareOptimizers(dataset, spec);
    return {
      args: [prepared.XTrain, prepared.yTrain, prepared.w0, prepared.batches, prepared.config],
      initialTheta: prepared.w0,
      trainRows: prepared.XTrain.length,
      testRows: prepared.XTest.length,
      score: (theta) => scoreOptimizers(theta, prepared),
      plots: (results) => optimizerPlots(prepared, results),
    };
  },
};
