/**
 * The "svm" task: a Gaussian-kernel SVM trained as `svmTrain(K, y, C, iterations)`
 * on the training part of a seeded split, where K[i][j] = k(x_i, x_j) + 1 is
 * the training Gram matrix (landmarks = training points) and y is -1/+1.
 * Both implementations return theta = beta (one weight per training point);
 * the app scores them in float64 and draws both decision regions.
 */
import type { PlotSpec } from "../plot/plot-types";
import type { LoadedDataset } from "../ml/dataset-types";
import { splitTrainTest } from "../ml/split";
import { gaussianKernel, gramMatrix, signedLabels, svmAccuracy, svmObjective, type Kernel } from "../ml/svm";
import type { ExperimentTaskDefinition } from "./task-types";

/** Inputs and float64 scoring data of one svm experiment. */
export interface PreparedSvm {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
  /** m_train x m_train Gram matrix with the +1 (the learner's K). */
  KTrain: number[][];
  /** m_test x m_train. */
  KTest: number[][];
  kernel: Kernel;
  C: number;
}

/** Splits the rows, takes the two feature columns and the 0/1 label (mapped to -1/+1), and builds the Gram matrices. */
export function prepareSvm(
  dataset: LoadedDataset,
  split: { test: number; seed: number },
  C: number,
  sigma: number,
): PreparedSvm {
  if (dataset.columns.length < 2) throw new Error(`${dataset.id} needs feature columns and a 0/1 label column`);
  if (!(sigma > 0)) throw new Error(`params.sigma must be positive, got ${String(sigma)}`);
  const { train, test } = splitTrainTest(dataset.rows, split);
  const features = (rows: number[][]) => rows.map((r) => r.slice(0, -1));
  const labels = (rows: number[][]) => signedLabels(rows.map((r) => r[r.length - 1]));
  const kernel: Kernel = (a, b) => gaussianKernel(a, b, sigma);
  const XTrain = features(train);
  const XTest = features(test);
  return {
    XTrain,
    yTrain: labels(train),
    XTest,
    yTest: labels(test),
    KTrain: gramMatrix(XTrain, XTrain, kernel),
    KTest: gramMatrix(XTest, XTrain, kernel),
    kernel,
    C,
  };
}

/** trainAccuracy and testAccuracy (fractions in [0, 1]) and the hinge objective J(beta) on the training part. */
export function scoreSvm(
  beta: readonly number[],
  prepared: PreparedSvm,
): { trainAccuracy: number; testAccuracy: number; objective: number } {
  if (beta.length !== prepared.yTrain.length)
    throw new Error(`theta has ${beta.length} weights, expected one per training point (${prepared.yTrain.length})`);
  return {
    trainAccuracy: svmAccuracy(prepared.KTrain, prepared.yTrain, beta),
    testAccuracy: svmAccuracy(prepared.KTest, prepared.yTest, beta),
    objective: svmObjective(prepared.KTrain, prepared.yTrain, beta, prepared.C),
  };
}

/** One heatmap per implementation: f(x) clipped to [-2, 2] on a 40 x 40 grid, with the training points by class. */
export function svmPlots(results: { name: string; theta: number[] }[], prepared: PreparedSvm): PlotSpec[] {
  if (prepared.XTrain[0]?.length !== 2) return [];
  const all = [...prepared.XTrain, ...prepared.XTest];
  const axis = (j: number) => {
    const lo = Math.min(...all.map((x) => x[j]));
    const hi = Math.max(...all.map((x) => x[j]));
    return Array.from({ length: 40 }, (_, i) => lo + ((hi - lo) * i) / 39);
  };
  const xs = axis(0);
  const ys = axis(1);
  const byClass = (label: number) =>
    prepared.XTrain.filter((_, i) => prepared.yTrain[i] === label).map(([x, y]) => ({ x, y }));
  return results.map(({ name, theta }) => ({
    kind: "heatmap",
    title: `Decision values f(x) of ${name} (f >= 0: class 1)`,
    xLabel: "x1",
    yLabel: "x2",
    xs,
    ys,
    values: ys.map((y) =>
      xs.map((x) => {
        const f = prepared.XTrain.reduce((s, xj, j) => s + theta[j] * (prepared.kernel([x, y], xj) + 1), 0);
        return Math.max(-2, Math.min(2, f));
      }),
    ),
    points: [
      { name: "class 1 (train)", points: byClass(1) },
      { name: "class 0 (train)", points: byClass(-1) },
    ],
  }));
}

export const svmTask: ExperimentTaskDefinition = {
  id: "svm",
  description:
    "Gaussian-kernel SVM: fn(K, y, C, iterations) with K = k(XTrain, XTrain) + 1 and y in {-1, +1} -> { theta: beta (one weight per training point), history }; metrics trainAccuracy, testAccuracy, objective",
  requiredParams: ["C", "sigma", "iterations"],
  prepare(dataset, spec) {
    const prepared = prepareSvm(dataset, spec.split, spec.params.C, spec.params.sigma);
    const m = prepared.yTrain.length;
    return {
      args: [prepared.KTrain, prepared.yTrain, spec.params.C, spec.params.iterations],
      initialTheta: new Array<number>(m).fill(0),
      trainRows: m,
      testRows: prepared.yTest.length,
      score: (theta) => scoreSvm(theta, prepared),
      plots: (results) => svmPlots(results, prepared),
    };
  },
};
