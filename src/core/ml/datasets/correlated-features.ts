/**
 * Lesson 11's optimisation problem: a seeded, synthetic two-feature binary
 * classification set whose features are strongly correlated and differently
 * scaled, so the logistic-regression loss surface is a long, narrow valley
 * (badly conditioned). The shipped file `public/datasets/correlated-features-v1.csv`
 * is `correlatedFeaturesCsv(generateCorrelatedFeatures())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the shipped file's checksum, the
 * registry entry and lesson 11's check values depend on its exact output.
 */
import { createRng } from "../prng";

export const CORRELATED_FEATURES_ROWS = 200;
/** Column names in file order; the label (the last column) is the target. */
export const CORRELATED_FEATURES_COLUMNS = ["x1", "x2", "label"] as const;

function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/**
 * Generates 200 rows `[x1, x2, label]`: z1, z2 standard normal,
 * x1 = z1, x2 = 2 (0.9 z1 + 0.4359 z2) (correlation 0.9, standard deviation 2), and
 * label = 1 with probability sigmoid(1.5 x1 - 0.25 x2), else 0. Features rounded to 4 decimals.
 */
export function generateCorrelatedFeatures(seed = 1111): number[][] {
  const rng = createRng(seed);
  const rows: number[][] = [];
  for (let i = 0; i < CORRELATED_FEATURES_ROWS; i++) {
    const z1 = rng.normal();
    const z2 = rng.normal();
    const x1 = round4(z1);
    const x2 = round4(2 * (0.9 * z1 + 0.4359 * z2));
    const p = 1 / (1 + Math.exp(-(1.5 * x1 - 0.25 * x2)));
    rows.push([x1, x2, rng.next() < p ? 1 : 0]);
  }
  return rows;
}

/** The shipped CSV: header `x1,x2,label`, features with 4 decimals, integer labels, LF line ends, a final newline. */
export function correlatedFeaturesCsv(rows: readonly (readonly number[])[]): string {
  const lines = rows.map(([a, b, y]) => `${a.toFixed(4)},${b.toFixed(4)},${y}`);
  return [CORRELATED_FEATURES_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
