/**
 * Lesson 8's second data set: 250 points in [-1, 1]^2 whose class is
 * decided by a wavy curve, with a few labels flipped (noise), so no straight
 * line separates them and a perfect fit would overfit. The shipped file
 * `public/datasets/svm-nonlinear-v1.csv` is `svmNonlinearCsv(generateSvmNonlinear())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the file's checksum, the
 * registry entry and lesson 8's check values depend on its exact output.
 */
import { createRng } from "../prng";
import { formatCsv, round4 } from "./format-csv";

export const SVM_NONLINEAR_ROWS = 250;
export const SVM_NONLINEAR_COLUMNS = ["x1", "x2", "label"] as const;

/**
 * Rows `[x1, x2, label]`: x1, x2 uniform in [-1, 1); label 1 when
 * x2 > 0.5 sin(3 x1) - 0.1, else 0; then, with probability 0.06, the label is
 * flipped. Coordinates rounded to 4 decimals.
 */
export function generateSvmNonlinear(seed = 818): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: SVM_NONLINEAR_ROWS }, () => {
    const x1 = rng.uniform(-1, 1);
    const x2 = rng.uniform(-1, 1);
    const clean = x2 > 0.5 * Math.sin(3 * x1) - 0.1 ? 1 : 0;
    const label = rng.next() < 0.06 ? 1 - clean : clean;
    return [round4(x1), round4(x2), label];
  });
}

/** The shipped CSV: 4 decimals for coordinates, the label as 0 or 1. */
export function svmNonlinearCsv(rows: readonly (readonly number[])[]): string {
  return formatCsv(SVM_NONLINEAR_COLUMNS, rows, [4, 4, 0]);
}
