/**
 * Reference float64 math of Gaussian anomaly detection: fit an independent
 * normal distribution to each feature, score examples by their density p(x),
 * and pick the threshold epsilon (flag x when p(x) < epsilon) by F1 on a
 * labelled validation set. X is m x n (m examples, n features). No function
 * here mutates its arguments.
 */
import { columnCount, type Matrix, type Vector } from "./linalg";

/** Per-feature mean and variance, each of length n. */
export interface GaussianFit {
  mu: number[];
  /** Maximum-likelihood variances (divided by m, not m - 1). */
  sigma2: number[];
}

/** Fits mu_j = mean of column j and sigma2_j = (1/m) sum_i (x_ij - mu_j)^2. Throws a RangeError on no rows. */
export function estimateGaussian(X: Matrix): GaussianFit {
  const n = columnCount(X);
  const m = X.length;
  if (m === 0) throw new RangeError("estimateGaussian: X has no rows");
  const mu = new Array<number>(n).fill(0);
  for (const row of X) row.forEach((x, j) => (mu[j] += x / m));
  const sigma2 = new Array<number>(n).fill(0);
  for (const row of X) row.forEach((x, j) => (sigma2[j] += (x - mu[j]) ** 2 / m));
  return { mu, sigma2 };
}

/**
 * Density of each row under independent normals:
 * p(x) = prod_j exp(-(x_j - mu_j)^2 / (2 sigma2_j)) / sqrt(2 pi sigma2_j).
 * This equals the multivariate normal density with the diagonal covariance diag(sigma2).
 * Returns m densities (per unit of the product of the feature units).
 */
export function gaussianDensity(X: Matrix, mu: Vector, sigma2: Vector): number[] {
  const n = columnCount(X);
  if (n !== mu.length || n !== sigma2.length) {
    throw new RangeError(`gaussianDensity: X has ${n} columns, mu ${mu.length}, sigma2 ${sigma2.length}`);
  }
  return X.map((row) =>
    row.reduce(
      (p, x, j) => (p * Math.exp(-((x - mu[j]) ** 2) / (2 * sigma2[j]))) / Math.sqrt(2 * Math.PI * sigma2[j]),
      1,
    ),
  );
}

/** Counts of a binary prediction against binary labels (1 = anomaly). */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
}

/** Confusion counts of predictions `p < epsilon` against labels y (1 = anomaly). */
export function confusionAt(y: Vector, p: Vector, epsilon: number): Confusion {
  if (y.length !== p.length) throw new RangeError(`confusionAt: ${y.length} labels but ${p.length} densities`);
  const counts = { tp: 0, fp: 0, fn: 0 };
  y.forEach((label, i) => {
    const flagged = p[i] < epsilon;
    if (flagged && label === 1) counts.tp++;
    else if (flagged) counts.fp++;
    else if (label === 1) counts.fn++;
  });
  return counts;
}

/** F1 = 2 prec rec / (prec + rec) with prec = tp/(tp+fp), rec = tp/(tp+fn); 0 when tp = 0. */
export function f1Score({ tp, fp, fn }: Confusion): number {
  if (tp === 0) return 0;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return (2 * precision * recall) / (precision + recall);
}

/** The chosen threshold and its F1 on the validation set. */
export interface ThresholdChoice {
  epsilon: number;
  f1: number;
}

/**
 * Tries epsilon = min(p) + k (max(p) - min(p)) / steps for k = 0, 1, ..., steps
 * and returns the first with the highest F1 of `p < epsilon` against y
 * (the grid of the classic course exercise, with steps = 1000).
 */
export function selectThreshold(y: Vector, p: Vector, steps = 1000): ThresholdChoice {
  if (p.length === 0) throw new RangeError("selectThreshold: no densities");
  const lo = Math.min(...p);
  const hi = Math.max(...p);
  const stepSize = (hi - lo) / steps;
  let best: ThresholdChoice = { epsilon: lo, f1: -1 };
  for (let k = 0; k <= steps; k++) {
    const epsilon = lo + k * stepSize;
    const f1 = f1Score(confusionAt(y, p, epsilon));
    if (f1 > best.f1) best = { epsilon, f1 };
  }
  return best;
}
