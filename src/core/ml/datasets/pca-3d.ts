/**
 * Lesson 9's PCA data: 150 three-dimensional points that lie close to a
 * tilted plane, in three groups, with features on different scales. The
 * group (last column) only colours plots. The shipped file
 * `public/datasets/pca-3d-v1.csv` is `pca3dCsv(generatePca3d())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the file's checksum, the
 * registry entry and lesson 9's check values depend on its exact output.
 */
import { createRng } from "../prng";
import { formatCsv, round4 } from "./format-csv";

export const PCA_3D_ROWS = 150;
export const PCA_3D_COLUMNS = ["x1", "x2", "x3", "group"] as const;

/** Group centres in the plane's own 2-D coordinates (a, b). */
const GROUPS = [
  [-2, 0.8],
  [1.5, 1.6],
  [0.6, -1.8],
] as const;

/**
 * Rows `[x1, x2, x3, group]`: group = rng.int(3); plane coordinates
 * a, b normal around the group's centre (sd 0.7); then
 * x1 = 10 + 3a + b, x2 = 50 - 8a + 6b, x3 = 0.5a + 0.4b, each plus normal
 * noise of sd 0.3, 1 and 0.1 (off the plane). Rounded to 4 decimals.
 */
export function generatePca3d(seed = 303): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: PCA_3D_ROWS }, () => {
    const group = rng.int(GROUPS.length);
    const a = rng.normal(GROUPS[group][0], 0.7);
    const b = rng.normal(GROUPS[group][1], 0.7);
    const x1 = 10 + 3 * a + b + rng.normal(0, 0.3);
    const x2 = 50 - 8 * a + 6 * b + rng.normal(0, 1);
    const x3 = 0.5 * a + 0.4 * b + rng.normal(0, 0.1);
    return [round4(x1), round4(x2), round4(x3), group];
  });
}

/** The shipped CSV: 4 decimals for coordinates, the group as an integer. */
export function pca3dCsv(rows: readonly (readonly number[])[]): string {
  return formatCsv(PCA_3D_COLUMNS, rows, [4, 4, 4, 0]);
}
