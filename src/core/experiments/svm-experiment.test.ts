import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { generateSvmNonlinear } from "../ml/datasets/svm-nonlinear";
import { svmTrain } from "../ml/svm";
import { svmTask } from "./svm-experiment";

const dataset: LoadedDataset = {
  id: "svm-nonlinear",
  version: 1,
  sha256: "unused",
  columns: ["x1", "x2", "label"],
  rows: generateSvmNonlinear(),
};
const spec: ExperimentSpec = {
  title: "svm",
  task: "svm",
  dataset: { id: "svm-nonlinear", version: 1 },
  split: { test: 0.2, seed: 42 },
  seed: 1,
  init: "zeros",
  params: { C: 100, sigma: 0.4, iterations: 200 },
  learner: "svmTrain",
  reference: "svmReference",
};

describe("svmTask", () => {
  const prepared = svmTask.prepare(dataset, spec);
  const [K, y, C, iterations] = prepared.args as [number[][], number[], number, number];

  it("passes the 200 x 200 training Gram matrix (diagonal 2), -1/+1 labels, C and the iterations", () => {
    expect(prepared.trainRows).toBe(200);
    expect(prepared.testRows).toBe(50);
    expect(K).toHaveLength(200);
    expect(K[7][7]).toBe(2);
    expect(new Set(y)).toEqual(new Set([-1, 1]));
    expect([C, iterations]).toEqual([100, 200]);
  });

  it("scores the objective the training history ends with, and the accuracies", () => {
    const fit = svmTrain(K, y, C, iterations);
    const score = prepared.score(fit.theta);
    expect(score.objective).toBeCloseTo(fit.history[199].loss, 10);
    expect(score.trainAccuracy).toBeCloseTo(0.92, 10);
    expect(score.testAccuracy).toBeCloseTo(0.9, 10);
  });

  it("draws one 40 x 40 decision-value heatmap per implementation, and rejects a wrong-length theta", () => {
    const theta = svmTrain(K, y, C, 20).theta;
    const plots = prepared.plots!([
      { name: "a", theta },
      { name: "b", theta },
    ]);
    expect(plots).toHaveLength(2);
    expect(plots[0].kind === "heatmap" && plots[0].values.length * plots[0].xs.length).toBe(1600);
    expect(() => prepared.score([1, 2])).toThrow(/one per training point/);
  });
});
