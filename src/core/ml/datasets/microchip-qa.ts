/**
 * Lesson 4's data: a seeded, synthetic look-alike of "microchip quality
 * assurance from two test results" (the shape of a classic course exercise;
 * none of its data is copied): accepted chips sit in a rounded blob in the
 * middle, so no straight line separates the classes. The shipped file
 * `public/datasets/microchip-qa-v1.csv` is `microchipQaCsv(generateMicrochipQa())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the shipped file's checksum,
 * the registry entry and lesson 4's check values depend on its exact output.
 */
import { createRng } from "../prng";

/** Number of chips (rows). */
export const MICROCHIP_QA_ROWS = 118;
/** Column names, in file order; the last column is the 0/1 target. */
export const MICROCHIP_QA_COLUMNS = ["test1", "test2", "accepted"] as const;

/**
 * Generates the rows `[test1, test2, accepted]`, 118 of them:
 * - test1 uniform in [-0.85, 1.1), test2 uniform in [-0.8, 1.1), rounded to 4 decimals;
 * - a blob score s = ((test1 - 0.05) / 0.72)^2 + ((test2 - 0.12) / 0.66)^2
 *   + 0.25 sin(3 test1) test2 (a dented ellipse);
 * - accepted = 1 when s + normal(0, 0.5) < 1, else 0 (noise near the edge).
 * The same seed always gives the same rows.
 */
export function generateMicrochipQa(seed = 4041): number[][] {
  const rng = createRng(seed);
  const round4 = (x: number) => {
    const r = Math.round(x * 1e4) / 1e4;
    return r === 0 ? 0 : r;
  };
  const rows: number[][] = [];
  for (let i = 0; i < MICROCHIP_QA_ROWS; i++) {
    const t1 = round4(rng.uniform(-0.85, 1.1));
    const t2 = round4(rng.uniform(-0.8, 1.1));
    const s = ((t1 - 0.05) / 0.72) ** 2 + ((t2 - 0.12) / 0.66) ** 2 + 0.25 * Math.sin(3 * t1) * t2;
    rows.push([t1, t2, s + rng.normal(0, 0.5) < 1 ? 1 : 0]);
  }
  return rows;
}

/** Formats rows as the shipped CSV: a header, tests with 4 decimals, the label as 0/1, LF line ends. Pure. */
export function microchipQaCsv(rows: readonly (readonly number[])[]): string {
  const lines = rows.map(([a, b, label]) => `${a.toFixed(4)},${b.toFixed(4)},${label.toFixed(0)}`);
  return [MICROCHIP_QA_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
