/**
 * K-means clustering in float64, the reference for lesson 9 and the
 * "kmeans" experiment task. Points and centroids are row-major `number[][]`
 * (one row of n coordinates each); cluster indices are 0-based. None of
 * these functions mutate their arguments.
 */
import type { Matrix } from "./linalg";
import { createRng } from "./prng";

/** Squared Euclidean distance between two points of the same length. */
export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j] - b[j];
    s += d * d;
  }
  return s;
}

/**
 * For each of the m points, the index (0..K-1) of its closest centroid by
 * squared Euclidean distance; ties go to the lowest index. Returns m indices.
 */
export function findClosestCentroids(X: Matrix, centroids: Matrix): number[] {
  return X.map((x) => {
    let best = 0;
    let bestDistance = Infinity;
    centroids.forEach((c, k) => {
      const d = squaredDistance(x, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    });
    return best;
  });
}

/**
 * The mean of the points assigned to each cluster: K rows of n numbers. A
 * cluster with no points has no mean; its row is all NaN (0 / 0).
 */
export function computeCentroids(X: Matrix, idx: readonly number[], K: number): number[][] {
  const n = X.length === 0 ? 0 : X[0].length;
  const sums = Array.from({ length: K }, () => new Array<number>(n).fill(0));
  const counts = new Array<number>(K).fill(0);
  X.forEach((x, i) => {
    counts[idx[i]] += 1;
    for (let j = 0; j < n; j++) sums[idx[i]][j] += x[j];
  });
  return sums.map((row, k) => row.map((s) => s / counts[k]));
}

/**
 * K distinct training points as starting centroids: the first K indices of
 * `createRng(seed).shuffle([0, 1, ..., m - 1])`, in that order (copies of
 * those rows). The lesson's `kMeansInitCentroids(X, K, seed)` and the
 * experiment task pick exactly these.
 */
export function kMeansInitCentroids(X: Matrix, K: number, seed: number): number[][] {
  if (!Number.isInteger(K) || K < 1 || K > X.length)
    throw new RangeError(`K must be an integer in [1, ${X.length}], got ${String(K)}`);
  const order = createRng(seed).shuffle(X.map((_, i) => i));
  return order.slice(0, K).map((i) => X[i].slice());
}

/**
 * The k-means distortion: the mean over the m points of the squared distance
 * to the closest centroid (in squared data units). NaN for no points.
 */
export function distortion(X: Matrix, centroids: Matrix): number {
  if (X.length === 0) return Number.NaN;
  let total = 0;
  for (const x of X) {
    let best = Infinity;
    for (const c of centroids) best = Math.min(best, squaredDistance(x, c));
    total += best;
  }
  return total / X.length;
}

/** What `runKMeans` returns: final centroids and the distortion after each iteration. */
export interface KMeansResult {
  /** K x n final centroids. */
  centroids: number[][];
  /** For step = 1..iterations: the distortion of the centroids after that step's move. */
  history: { step: number; loss: number }[];
}

/**
 * `iterations` rounds of k-means from `initialCentroids`: assign every point
 * to its closest centroid, then move each centroid to the mean of its points
 * (a centroid with no points stays where it is). Records the distortion of
 * the moved centroids after each round, which never increases.
 */
export function runKMeans(X: Matrix, initialCentroids: Matrix, iterations: number): KMeansResult {
  let centroids = initialCentroids.map((c) => c.slice());
  const K = centroids.length;
  const history: { step: number; loss: number }[] = [];
  for (let step = 1; step <= iterations; step++) {
    const idx = findClosestCentroids(X, centroids);
    const means = computeCentroids(X, idx, K);
    centroids = means.map((row, k) => (row.some(Number.isNaN) ? centroids[k] : row));
    history.push({ step, loss: distortion(X, centroids) });
  }
  return { centroids, history };
}
