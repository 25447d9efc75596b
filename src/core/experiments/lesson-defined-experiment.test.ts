import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { meanSquaredError, predictAndScoreTask, trainByStepsTask } from "./lesson-defined-experiment";

const dataset: LoadedDataset = {
  id: "toy",
  version: 1,
  sha256: "0".repeat(64),
  columns: ["x", "y"],
  rows: Array.from({ length: 10 }, (_, i) => [i, i % 2]),
};

const spec = (over: Partial<ExperimentSpec>): ExperimentSpec => ({
  title: "t",
  task: "predict-and-score",
  dataset: { id: "toy", version: 1 },
  split: { test: 0.3, seed: 1 },
  seed: 1,
  init: "zeros",
  params: { k: 3 },
  learner: "f",
  reference: "r",
  metric: "accuracy",
  ...over,
});

describe("predict-and-score", () => {
  it("hands fn(XTrain, yTrain, XTest, params) the seeded split and scores predictions by accuracy", () => {
    const prepared = predictAndScoreTask.prepare(dataset, spec({}));
    const [XTrain, yTrain, XTest, params] = prepared.args as [number[][], number[], number[][], object];
    expect(XTrain.length + XTest.length).toBe(10);
    expect(yTrain).toHaveLength(XTrain.length);
    expect(params).toEqual({ k: 3 });
    const perfect = XTest.map(([x]) => x % 2);
    expect(prepared.score(perfect)).toEqual({ testAccuracy: 1 });
    expect(prepared.score(perfect.map((v) => 1 - v))).toEqual({ testAccuracy: 0 });
  });

  it("runs the lesson's prepare on the split and says when it is missing", () => {
    const prepared = predictAndScoreTask.prepare(dataset, spec({ prepare: "double", metric: "mse" }), {
      prepare: (d) => ({ ...d, XTrain: d.XTrain.map((r) => r.map((v) => 2 * v)) }),
    });
    const [XTrain] = prepared.args as [number[][]];
    expect(XTrain.every(([x]) => x % 2 === 0)).toBe(true);
    expect(() => predictAndScoreTask.prepare(dataset, spec({ prepare: "double" }))).toThrow(/double/);
  });

  it("refuses a wrong number of predictions", () => {
    const prepared = predictAndScoreTask.prepare(dataset, spec({}));
    expect(() => prepared.score([1])).toThrow(/one prediction per row/);
  });
});

describe("train-by-steps", () => {
  it("starts from zeros of one parameter per feature and scores the lesson's predict on both parts", () => {
    const prepared = trainByStepsTask.prepare(dataset, spec({ task: "train-by-steps", predict: "p", metric: "mse" }), {
      predict: (theta, X) => X.map((r) => (theta as number[])[0] * r[0]),
    });
    expect(prepared.initialTheta).toEqual([0]);
    const score = prepared.score([0]);
    expect(Object.keys(score)).toEqual(["trainMse", "testMse"]);
    expect(score.testMse).toBeGreaterThan(0);
  });
});

describe("meanSquaredError", () => {
  it("is the mean of squared differences", () => {
    expect(meanSquaredError([1, 2], [0, 0])).toBe(2.5);
  });
});
