/**
 * The "kmeans" task: `runKmeans(X, initialCentroids, iterations)` on the
 * training part of a seeded split. Every implementation starts from the
 * same K distinct training points (`kMeansInitCentroids(XTrain, K, spec.seed)`)
 * and is scored in float64 by the distortion on the train and test parts.
 */
import type { PlotSpec } from "../plot/plot-types";
import type { LoadedDataset } from "../ml/dataset-types";
import { distortion, findClosestCentroids, kMeansInitCentroids } from "../ml/kmeans";
import { splitTrainTest } from "../ml/split";
import type { ExperimentTaskDefinition } from "./task-types";

/** Training and test points (every column but the last), K and the starting centroids of one experiment. */
export interface PreparedKMeans {
  XTrain: number[][];
  XTest: number[][];
  /** K x n, K distinct training points. */
  initialCentroids: number[][];
}

/** Splits the rows with `splitTrainTest`, drops the last column (labels are never used) and picks the starting centroids. */
export function prepareKMeans(
  dataset: LoadedDataset,
  split: { test: number; seed: number },
  K: number,
  seed: number,
): PreparedKMeans {
  if (dataset.columns.length < 2)
    throw new Error(`${dataset.id} needs at least one feature column before its last column`);
  const { train, test } = splitTrainTest(dataset.rows, split);
  const features = (rows: number[][]) => rows.map((r) => r.slice(0, -1));
  const XTrain = features(train);
  return { XTrain, XTest: features(test), initialCentroids: kMeansInitCentroids(XTrain, K, seed) };
}

/** Flattened K x n centroids back to rows; throws on a wrong length. */
export function unflattenCentroids(theta: readonly number[], K: number, n: number): number[][] {
  if (theta.length !== K * n)
    throw new Error(`centroids have ${theta.length} numbers, expected K x n = ${K} x ${n} = ${K * n}`);
  return Array.from({ length: K }, (_, k) => theta.slice(k * n, (k + 1) * n));
}

/** Float64 metrics: distortion (mean squared distance to the closest centroid) on train and test. */
export function scoreKMeans(
  theta: readonly number[],
  prepared: PreparedKMeans,
): { distortion: number; testDistortion: number } {
  const K = prepared.initialCentroids.length;
  const centroids = unflattenCentroids(theta, K, prepared.initialCentroids[0].length);
  return { distortion: distortion(prepared.XTrain, centroids), testDistortion: distortion(prepared.XTest, centroids) };
}

/** One scatter per implementation: training points coloured by their closest final centroid, plus the centroids. */
export function kmeansPlots(
  results: { name: string; theta: number[] }[],
  prepared: PreparedKMeans,
  columns: readonly string[],
): PlotSpec[] {
  const K = prepared.initialCentroids.length;
  const n = prepared.initialCentroids[0].length;
  if (n < 2) return [];
  return results.map(({ name, theta }) => {
    const centroids = unflattenCentroids(theta, K, n);
    const idx = findClosestCentroids(prepared.XTrain, centroids);
    return {
      kind: "scatter",
      title: `Clusters found by ${name}`,
      xLabel: columns[0],
      yLabel: columns[1],
      series: [
        ...centroids.map((_, k) => ({
          name: `cluster ${k + 1}`,
          points: prepared.XTrain.filter((_, i) => idx[i] === k).map((x) => ({ x: x[0], y: x[1] })),
        })),
        { name: "final centroids", points: centroids.map((c) => ({ x: c[0], y: c[1] })) },
        { name: "initial centroids", points: prepared.initialCentroids.map((c) => ({ x: c[0], y: c[1] })) },
      ],
    };
  });
}

export const kmeansTask: ExperimentTaskDefinition = {
  id: "kmeans",
  description:
    "k-means from K seeded distinct training points: fn(X, initialCentroids, iterations) -> { theta: centroids, history: distortion }; metrics distortion, testDistortion",
  requiredParams: ["K", "iterations"],
  prepare(dataset, spec) {
    const K = spec.params.K;
    if (!Number.isInteger(K) || K < 1) throw new Error(`params.K must be a positive integer, got ${String(K)}`);
    const prepared = prepareKMeans(dataset, spec.split, K, spec.seed);
    return {
      args: [prepared.XTrain, prepared.initialCentroids, spec.params.iterations],
      initialTheta: prepared.initialCentroids.flat(),
      trainRows: prepared.XTrain.length,
      testRows: prepared.XTest.length,
      score: (theta) => scoreKMeans(theta, prepared),
      plots: (results) => kmeansPlots(results, prepared, dataset.columns),
    };
  },
};
