import { kmeans } from "ml-kmeans";
import { describe, expect, it } from "vitest";
import { generateKmeansBlobs } from "./datasets/kmeans-blobs";
import { computeCentroids, distortion, findClosestCentroids, kMeansInitCentroids, runKMeans } from "./kmeans";
import { maxAbsDiff } from "./linalg";
import { splitTrainTest } from "./split";

const X = generateKmeansBlobs().map((r) => r.slice(0, 2));
const XTrain = splitTrainTest(generateKmeansBlobs(), { test: 0.2, seed: 42 }).train.map((r) => r.slice(0, 2));

describe("findClosestCentroids", () => {
  it("assigns each point to the nearest centroid, ties to the lowest index", () => {
    const centroids = [
      [0, 0],
      [2, 0],
      [0, 2],
    ];
    expect(
      findClosestCentroids(
        [
          [0.1, 0.2],
          [1.9, -0.5],
          [0.2, 1.5],
          [1, 0],
        ],
        centroids,
      ),
    ).toEqual([0, 1, 2, 0]);
  });
});

describe("computeCentroids", () => {
  it("averages each cluster's points and gives NaN for an empty cluster", () => {
    const means = computeCentroids(
      [
        [1, 2],
        [3, 4],
        [10, 10],
      ],
      [0, 0, 2],
      3,
    );
    expect(means[0]).toEqual([2, 3]);
    expect(means[1].every(Number.isNaN)).toBe(true);
    expect(means[2]).toEqual([10, 10]);
  });
});

describe("kMeansInitCentroids", () => {
  it("picks K distinct training points, the same for the same seed", () => {
    const a = kMeansInitCentroids(X, 5, 3);
    expect(a).toEqual(kMeansInitCentroids(X, 5, 3));
    expect(new Set(a.map((c) => c.join())).size).toBe(5);
    a.forEach((c) => expect(X.some((x) => x[0] === c[0] && x[1] === c[1])).toBe(true));
  });
});

describe("runKMeans", () => {
  it("reaches the same centroids and distortion as ml-kmeans from the same initial centroids", () => {
    for (const seed of [1, 4, 7]) {
      const init = kMeansInitCentroids(XTrain, 3, seed);
      const ours = runKMeans(XTrain, init, 50);
      const theirs = kmeans(XTrain, 3, {
        initialization: init.map((c) => c.slice()),
        maxIterations: 100,
        tolerance: 0,
      });
      expect(maxAbsDiff(ours.centroids, theirs.centroids)).toBeLessThan(1e-9);
      expect(findClosestCentroids(XTrain, ours.centroids)).toEqual(theirs.clusters);
      const sse = XTrain.reduce(
        (s, x, i) =>
          s +
          (x[0] - theirs.centroids[theirs.clusters[i]][0]) ** 2 +
          (x[1] - theirs.centroids[theirs.clusters[i]][1]) ** 2,
        0,
      );
      expect(ours.history[49].loss).toBeCloseTo(sse / XTrain.length, 10);
    }
  });

  it("gives the lesson's values: seed 4 converges to distortion 0.6730, seed 7 sticks in a local optimum (3.139)", () => {
    const good = runKMeans(XTrain, kMeansInitCentroids(XTrain, 3, 4), 10);
    expect(good.history[9].loss).toBeCloseTo(0.673, 4);
    const stuck = runKMeans(XTrain, kMeansInitCentroids(XTrain, 3, 7), 10);
    expect(stuck.history[9].loss).toBeCloseTo(3.139, 3);
  });

  it("never increases the distortion and does not mutate the initial centroids", () => {
    const init = kMeansInitCentroids(X, 4, 2);
    const copy = init.map((c) => c.slice());
    const { history, centroids } = runKMeans(X, init, 15);
    history.forEach((h, i) => i > 0 && expect(h.loss).toBeLessThanOrEqual(history[i - 1].loss + 1e-12));
    expect(init).toEqual(copy);
    expect(distortion(X, centroids)).toBe(history[14].loss);
  });
});
