/**
 * The shared float64 evaluation harness of the "linear-regression"
 * experiment task: every implementation (the learner's code, tfjs on any
 * backend) gets the same split and initial parameters from here, and its
 * final parameters are scored here, so metrics are comparable.
 */
import type { LoadedDataset } from "../ml/dataset-types";
import type { ExperimentSpec } from "../lesson/types";
import { addOnes, zeros } from "../ml/linalg";
import { computeCost } from "../ml/linear-regression";
import { createRng } from "../ml/prng";
import { splitTrainTest } from "../ml/split";

/** Design matrices (with the leading column of ones), targets and starting parameters of one experiment. */
export interface PreparedLinearRegression {
  /** m_train x (d + 1), first column all ones; d = number of feature columns. */
  XTrain: number[][];
  /** m_train targets (the dataset's last column). */
  yTrain: number[];
  /** m_test x (d + 1). */
  XTest: number[][];
  yTest: number[];
  /** d + 1 starting parameters. */
  initialTheta: number[];
}

/**
 * Train and test cost J(theta) = 1/(2m) sum (x . theta - y)^2, in squared
 * target units. A type alias (not an interface) so it is assignable to
 * `Record<string, number>`, the shape of stored run metrics.
 */
export type LinearRegressionScore = {
  trainCost: number;
  testCost: number;
};

/** Why the harness refused its input (a mismatch between the lesson's spec, the dataset and the parameters). */
export class LinearRegressionTaskError extends Error {
  readonly code: "wrong-task" | "wrong-dataset" | "too-few-columns" | "theta-length";
  constructor(code: LinearRegressionTaskError["code"], message: string) {
    super(message);
    this.name = "LinearRegressionTaskError";
    this.code = code;
  }
}

/**
 * Splits the dataset's rows with `splitTrainTest(rows, spec.split)`, then
 * takes X = addOnes(all columns but the last) and y = the last column of
 * each part. `initialTheta` is zeros for `init: "zeros"`, or for
 * `init: "random"` one `createRng(spec.seed).uniform(-0.5, 0.5)` per
 * parameter, in order. Does not mutate its arguments. Throws a
 * LinearRegressionTaskError if the spec's task or dataset does not match.
 */
export function prepareLinearRegression(dataset: LoadedDataset, spec: ExperimentSpec): PreparedLinearRegression {
  if (spec.task !== "linear-regression") {
    throw new LinearRegressionTaskError(
      "wrong-task",
      `experiment task is "${String(spec.task)}", not linear-regression`,
    );
  }
  if (spec.dataset.id !== dataset.id || spec.dataset.version !== dataset.version) {
    throw new LinearRegressionTaskError(
      "wrong-dataset",
      `experiment wants ${spec.dataset.id}@${spec.dataset.version} but got ${dataset.id}@${dataset.version}`,
    );
  }
  if (dataset.columns.length < 2) {
    throw new LinearRegressionTaskError("too-few-columns", `${dataset.id} needs a feature column and a target column`);
  }
  const { train, test } = splitTrainTest(dataset.rows, spec.split);
  const features = (rows: number[][]) => addOnes(rows.map((r) => r.slice(0, -1)));
  const targets = (rows: number[][]) => rows.map((r) => r[r.length - 1]);
  const nParams = dataset.columns.length;
  const rng = createRng(spec.seed);
  const initialTheta =
    spec.init === "random" ? Array.from({ length: nParams }, () => rng.uniform(-0.5, 0.5)) : zeros(nParams);
  return { XTrain: features(train), yTrain: targets(train), XTest: features(test), yTest: targets(test), initialTheta };
}

/**
 * Scores final parameters in float64 with `computeCost` on the train and
 * test parts (a part with no rows scores NaN). Non-finite parameters give
 * non-finite costs, not an error. Throws a LinearRegressionTaskError if
 * theta has the wrong length. Does not mutate its arguments.
 */
export function scoreLinearRegression(
  theta: readonly number[],
  prepared: PreparedLinearRegression,
): LinearRegressionScore {
  if (theta.length !== prepared.initialTheta.length) {
    throw new LinearRegressionTaskError(
      "theta-length",
      `theta has ${theta.length} entries, expected ${prepared.initialTheta.length}`,
    );
  }
  const cost = (X: number[][], y: number[]) => (X.length === 0 ? Number.NaN : computeCost(X, y, theta));
  return { trainCost: cost(prepared.XTrain, prepared.yTrain), testCost: cost(prepared.XTest, prepared.yTest) };
}
