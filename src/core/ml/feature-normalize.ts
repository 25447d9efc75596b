/**
 * Feature normalization (standardization): shift every feature column to
 * mean 0 and scale it to standard deviation 1, so that gradient descent's
 * single learning rate suits every parameter. Pure: nothing here mutates its
 * arguments.
 */
import { columnCount, type Matrix } from "./linalg";

/** A normalized feature matrix with the statistics that produced it. */
export interface NormalizedFeatures {
  /** m x n: (X[i][j] - mu[j]) / sigma[j]. */
  Xnorm: number[][];
  /** n column means. */
  mu: number[];
  /** n column standard deviations with the n - 1 (sample) denominator, as Octave's `std`. */
  sigma: number[];
}

/**
 * Column means and sample standard deviations (denominator m - 1) of an
 * m x n matrix, then the standardized matrix. A constant column (sigma = 0)
 * is only centred: its sigma is reported as 1 so nothing divides by zero.
 * Throws a RangeError for fewer than 2 rows.
 */
export function featureNormalize(X: Matrix): NormalizedFeatures {
  const m = X.length;
  if (m < 2) throw new RangeError(`featureNormalize: needs at least 2 rows, got ${m}`);
  const n = columnCount(X);
  const mu = Array.from({ length: n }, (_, j) => X.reduce((s, row) => s + row[j], 0) / m);
  const sigma = mu.map((mj, j) => {
    const sd = Math.sqrt(X.reduce((s, row) => s + (row[j] - mj) ** 2, 0) / (m - 1));
    return sd > 0 ? sd : 1;
  });
  return { Xnorm: applyNormalization(X, mu, sigma), mu, sigma };
}

/** (X[i][j] - mu[j]) / sigma[j] for every entry: normalizes new rows with statistics learned elsewhere. */
export function applyNormalization(X: Matrix, mu: readonly number[], sigma: readonly number[]): number[][] {
  return X.map((row) => {
    if (row.length !== mu.length)
      throw new RangeError(`applyNormalization: row has ${row.length} entries, mu has ${mu.length}`);
    return row.map((x, j) => (x - mu[j]) / sigma[j]);
  });
}
