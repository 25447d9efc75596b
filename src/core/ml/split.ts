/** Seeded train/test splits: the same rows, seed and fraction always give the same split. */
import { seededPermutation } from "./prng";

/** What `splitTrainTest` returns: two new arrays holding the original row objects (not copies). */
export interface TrainTestSplit<T> {
  train: T[];
  test: T[];
}

/**
 * Splits rows into a training and a test part by a seeded shuffle.
 *
 * - `test` is the fraction of rows held out, in [0, 1]; `seed` is the
 *   shuffle's seed (see `seededPermutation`).
 * - The test size is `round(n * test)`, clamped to [1, n - 1] when n > 1 so
 *   neither part is empty; with n <= 1 every row goes to train.
 * - Which rows are held out is random; within each part rows keep their
 *   original order. Every row lands in exactly one part.
 *
 * Does not mutate `rows`. Throws a RangeError for a fraction outside [0, 1].
 */
export function splitTrainTest<T>(rows: readonly T[], opts: { test: number; seed: number }): TrainTestSplit<T> {
  if (!Number.isFinite(opts.test) || opts.test < 0 || opts.test > 1) {
    throw new RangeError(`test fraction must be in [0, 1], got ${String(opts.test)}`);
  }
  const n = rows.length;
  const nTest = n > 1 ? Math.min(n - 1, Math.max(1, Math.round(n * opts.test))) : 0;
  const perm = seededPermutation(n, opts.seed);
  const isTest = new Array<boolean>(n).fill(false);
  for (let k = 0; k < nTest; k++) isTest[perm[k]] = true;
  const train: T[] = [];
  const test: T[] = [];
  rows.forEach((row, i) => (isTest[i] ? test : train).push(row));
  return { train, test };
}
