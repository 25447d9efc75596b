import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { generateKmeansBlobs } from "../ml/datasets/kmeans-blobs";
import { runKMeans } from "../ml/kmeans";
import { kmeansTask } from "./kmeans-experiment";

const dataset: LoadedDataset = {
  id: "kmeans-blobs",
  version: 1,
  sha256: "unused",
  columns: ["x1", "x2", "blob"],
  rows: generateKmeansBlobs(),
};
const spec: ExperimentSpec = {
  title: "kmeans",
  task: "kmeans",
  dataset: { id: "kmeans-blobs", version: 1 },
  split: { test: 0.2, seed: 42 },
  seed: 4,
  init: "zeros",
  params: { K: 3, iterations: 10 },
  learner: "runKmeans",
  reference: "kmeansReference",
};

describe("kmeansTask", () => {
  const prepared = kmeansTask.prepare(dataset, spec);
  const [X, init, iterations] = prepared.args as [number[][], number[][], number];

  it("passes 240 training points without the label column, K seeded starting centroids and the iterations", () => {
    expect(prepared.trainRows).toBe(240);
    expect(prepared.testRows).toBe(60);
    expect(X[0]).toHaveLength(2);
    expect(init).toHaveLength(3);
    expect(iterations).toBe(10);
    expect(prepared.initialTheta).toEqual(init.flat());
  });

  it("scores final centroids by the distortion the learner's history ends with", () => {
    const run = runKMeans(X, init, 10);
    const score = prepared.score(run.centroids.flat());
    expect(score.distortion).toBeCloseTo(run.history[9].loss, 12);
    expect(score.distortion).toBeCloseTo(0.673, 3);
    expect(score.testDistortion).toBeGreaterThan(0);
  });

  it("draws one scatter per implementation with K clusters, the final and the initial centroids", () => {
    const theta = runKMeans(X, init, 10).centroids.flat();
    const plots = prepared.plots!([
      { name: "your code", theta },
      { name: "TensorFlow.js", theta },
    ]);
    expect(plots).toHaveLength(2);
    expect(plots[0].kind === "scatter" && plots[0].series.length).toBe(5);
  });

  it("rejects centroids of the wrong size", () => {
    expect(() => prepared.score([1, 2, 3])).toThrow(/expected K x n/);
  });
});
