/**
 * Lesson 8's first data set: 50 points of two classes that a straight line
 * separates with a wide margin, plus one positive outlier close to the
 * negatives. The shipped file `public/datasets/svm-outlier-v1.csv` is
 * `svmOutlierCsv(generateSvmOutlier())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the file's checksum, the
 * registry entry and lesson 8's check values depend on its exact output.
 */
import { createRng } from "../prng";
import { formatCsv, round4 } from "./format-csv";

export const SVM_OUTLIER_ROWS = 51;
export const SVM_OUTLIER_COLUMNS = ["x1", "x2", "label"] as const;

/** The outlier, appended as the last row: a positive example among the negatives. */
export const SVM_OUTLIER_POINT = [0.6, 3.7] as const;

/**
 * Rows `[x1, x2, label]`: 50 points drawn uniformly in [0.5, 4.5] x [1, 4.5],
 * redrawing any with 4.3 <= x1 + x2 <= 5.7 (the empty margin); label 1 when
 * x1 + x2 > 5.7, else 0. Then the outlier [0.6, 3.7] with label 1.
 * Coordinates rounded to 4 decimals.
 */
export function generateSvmOutlier(seed = 808): number[][] {
  const rng = createRng(seed);
  const rows: number[][] = [];
  while (rows.length < SVM_OUTLIER_ROWS - 1) {
    const x1 = rng.uniform(0.5, 4.5);
    const x2 = rng.uniform(1, 4.5);
    const s = x1 + x2;
    if (s >= 4.3 && s <= 5.7) continue;
    rows.push([round4(x1), round4(x2), s > 5.7 ? 1 : 0]);
  }
  rows.push([SVM_OUTLIER_POINT[0], SVM_OUTLIER_POINT[1], 1]);
  return rows;
}

/** The shipped CSV: 4 decimals for coordinates, the label as 0 or 1. */
export function svmOutlierCsv(rows: readonly (readonly number[])[]): string {
  return formatCsv(SVM_OUTLIER_COLUMNS, rows, [4, 4, 0]);
}
