/**
 * Lesson 9's clustering data: 300 two-dimensional points drawn around three
 * centres, with the generating blob as the last column (used only to colour
 * plots; k-means never sees it). The shipped file
 * `public/datasets/kmeans-blobs-v1.csv` is `kmeansBlobsCsv(generateKmeansBlobs())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the file's checksum, the
 * registry entry and lesson 9's check values depend on its exact output.
 */
import { createRng } from "../prng";
import { formatCsv, round4 } from "./format-csv";

export const KMEANS_BLOBS_ROWS = 300;
export const KMEANS_BLOBS_COLUMNS = ["x1", "x2", "blob"] as const;

/** Centre and standard deviation (per axis) of each blob. */
const BLOBS = [
  { x1: 2, x2: 5, sd: 0.55 },
  { x1: 6, x2: 3.2, sd: 0.65 },
  { x1: 2.8, x2: 1.2, sd: 0.45 },
] as const;

/**
 * Rows `[x1, x2, blob]`: for each point, blob = rng.int(3), then
 * x1 and x2 normal around the blob's centre with its standard deviation,
 * rounded to 4 decimals. The same seed always gives the same rows.
 */
export function generateKmeansBlobs(seed = 909): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: KMEANS_BLOBS_ROWS }, () => {
    const blob = rng.int(BLOBS.length);
    const { x1, x2, sd } = BLOBS[blob];
    return [round4(rng.normal(x1, sd)), round4(rng.normal(x2, sd)), blob];
  });
}

/** The shipped CSV: 4 decimals for coordinates, the blob as an integer. */
export function kmeansBlobsCsv(rows: readonly (readonly number[])[]): string {
  return formatCsv(KMEANS_BLOBS_COLUMNS, rows, [4, 4, 0]);
}
