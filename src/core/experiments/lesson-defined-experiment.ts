/**
 * The tasks a lesson defines in its own file: the seeded split, the lesson's
 * optional data preparation (a setup export), the learner's function and the
 * tfjs reference, scored by the shared float64 harness with the metric the
 * lesson names.
 *
 * - predict-and-score: `fn(XTrain, yTrain, XTest, params)` returns one
 *   prediction per test row; scored by `testAccuracy` or `testMse`.
 * - train-by-steps: `fn(XTrain, yTrain, theta, params)` returns
 *   `{ theta, history }`; the lesson's `predict(theta, X)` turns the final
 *   parameters into predictions, scored on both parts (`trainAccuracy` and
 *   `testAccuracy`, or `trainMse` and `testMse`).
 */
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { zeros } from "../ml/linalg";
import { accuracy } from "../ml/logistic-regression";
import { createRng } from "../ml/prng";
import { splitTrainTest } from "../ml/split";
import type { ExperimentTaskDefinition, LessonHooks, PreparedExperiment, SplitData } from "./task-types";

/** Mean squared error of predictions against targets, in float64 (NaN for no rows). Throws on a length mismatch. */
export function meanSquaredError(predicted: readonly number[], y: readonly number[]): number {
  if (predicted.length !== y.length)
    throw new RangeError(`mse: ${predicted.length} predictions for ${y.length} targets`);
  if (y.length === 0) return Number.NaN;
  let total = 0;
  for (let i = 0; i < y.length; i++) total += (predicted[i] - y[i]) ** 2;
  return total / y.length;
}

/** `metric` of predictions against targets: accuracy in [0, 1] or mean squared error. */
export function lessonMetric(metric: "accuracy" | "mse", predicted: readonly number[], y: readonly number[]): number {
  if (predicted.length !== y.length)
    throw new Error(`expected one prediction per row (${y.length}), got ${predicted.length}`);
  return metric === "accuracy" ? accuracy(predicted, y) : meanSquaredError(predicted, y);
}

/** The seeded split of a dataset (last column the target), passed through the lesson's `prepare` when it names one. */
export function splitForLesson(dataset: LoadedDataset, spec: ExperimentSpec, hooks: LessonHooks = {}): SplitData {
  if (spec.dataset.id !== dataset.id || spec.dataset.version !== dataset.version) {
    throw new Error(
      `experiment wants ${spec.dataset.id}@${spec.dataset.version} but got ${dataset.id}@${dataset.version}`,
    );
  }
  const { train, test } = splitTrainTest(dataset.rows, spec.split);
  const X = (rows: number[][]) => rows.map((r) => r.slice(0, -1));
  const y = (rows: number[][]) => rows.map((r) => r[r.length - 1]);
  const split: SplitData = { XTrain: X(train), yTrain: y(train), XTest: X(test), yTest: y(test) };
  if (!spec.prepare) return split;
  if (!hooks.prepare)
    throw new Error(`no setup cell exports a function named ${spec.prepare} (the experiment's prepare)`);
  return checkedSplit(hooks.prepare(structuredClone(split)), spec.prepare);
}

function isMatrix(value: unknown): value is number[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every((x) => typeof x === "number"));
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => typeof x === "number");
}

/** The value `prepare` returned, when it has the shape of SplitData; otherwise throws saying what is wrong. */
function checkedSplit(value: unknown, name: string): SplitData {
  const data = (typeof value === "object" && value !== null ? value : {}) as Partial<SplitData>;
  for (const key of ["XTrain", "XTest"] as const)
    if (!isMatrix(data[key])) throw new Error(`${name} should return ${key} as an array of rows of numbers`);
  for (const key of ["yTrain", "yTest"] as const)
    if (!isVector(data[key])) throw new Error(`${name} should return ${key} as an array of numbers`);
  const { XTrain, yTrain, XTest, yTest } = data as SplitData;
  if (XTrain.length !== yTrain.length || XTest.length !== yTest.length)
    throw new Error(`${name} should return as many rows of X as targets in y, in both parts`);
  return { XTrain, yTrain, XTest, yTest };
}

function metricOf(spec: ExperimentSpec): "accuracy" | "mse" {
  if (!spec.metric) throw new Error(`task ${spec.task} needs a metric (accuracy or mse)`);
  return spec.metric;
}

const metricKey = (part: "train" | "test", metric: "accuracy" | "mse") =>
  `${part}${metric === "accuracy" ? "Accuracy" : "Mse"}`;

export const predictAndScoreTask: ExperimentTaskDefinition = {
  id: "predict-and-score",
  description:
    "Lesson-defined: fn(XTrain, yTrain, XTest, params) returns one prediction per test row, scored by the lesson's metric (accuracy or mse).",
  requiredParams: [],
  returns: "predictions",
  prepare(dataset, spec, hooks): PreparedExperiment {
    const metric = metricOf(spec);
    const data = splitForLesson(dataset, spec, hooks);
    return {
      args: [data.XTrain, data.yTrain, data.XTest, { ...spec.params }],
      initialTheta: [],
      trainRows: data.XTrain.length,
      testRows: data.XTest.length,
      score: (predictions) => ({ [metricKey("test", metric)]: lessonMetric(metric, predictions, data.yTest) }),
    };
  },
};

export const trainByStepsTask: ExperimentTaskDefinition = {
  id: "train-by-steps",
  description:
    "Lesson-defined: fn(XTrain, yTrain, theta, params) returns { theta, history }; the lesson's predict(theta, X) is scored on both parts by its metric.",
  requiredParams: [],
  prepare(dataset, spec, hooks = {}): PreparedExperiment {
    const metric = metricOf(spec);
    const data = splitForLesson(dataset, spec, hooks);
    const predict = hooks.predict;
    if (!predict) throw new Error(`no setup cell exports a function named ${spec.predict} (the experiment's predict)`);
    const nParams = data.XTrain[0]?.length ?? 0;
    const rng = createRng(spec.seed);
    const initialTheta =
      spec.init === "random" ? Array.from({ length: nParams }, () => rng.uniform(-0.5, 0.5)) : zeros(nParams);
    const predictions = (theta: number[], X: number[][]) => {
      const out = predict([...theta], structuredClone(X));
      if (!isVector(out)) throw new Error(`${spec.predict} should return an array of numbers`);
      return out;
    };
    return {
      args: [data.XTrain, data.yTrain, initialTheta, { ...spec.params }],
      initialTheta,
      trainRows: data.XTrain.length,
      testRows: data.XTest.length,
      score: (theta) => ({
        [metricKey("train", metric)]: lessonMetric(metric, predictions(theta, data.XTrain), data.yTrain),
        [metricKey("test", metric)]: lessonMetric(metric, predictions(theta, data.XTest), data.yTest),
      }),
    };
  },
};
