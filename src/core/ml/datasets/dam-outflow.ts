/**
 * Lesson 7's data: a seeded, synthetic look-alike of "water flowing out of a
 * dam against the change of the reservoir's water level" (the shape of a
 * classic course exercise; none of its data is copied), with a fixed
 * train / validation / test split stored in the `part` column. The shipped
 * file `public/datasets/dam-outflow-v1.csv` is `damOutflowCsv(generateDamOutflow())`.
 *
 * Version 2 (`dam-outflow-v2.csv`) has the same 54 days with another split:
 * `generateDamOutflow(514, DAM_OUTFLOW_V2_SPLIT_SEED)`. On version 1's split
 * the validation set's choice of lambda did badly on the test days; on
 * version 2's it is also the best choice on test (lesson 7).
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSIONS 1 AND 2: the shipped files'
 * checksums, the registry entries and lesson 7's check values depend on its
 * exact output.
 */
import { seededPermutation, createRng } from "../prng";
import { formatCsv, round4 } from "./format-csv";

/** Rows in the file: 12 training, 21 validation and 21 test rows. */
export const DAM_OUTFLOW_PARTS = { train: 12, validation: 21, test: 21 } as const;
/** The split seed of version 2 (version 1 uses seed + 1 = 515). */
export const DAM_OUTFLOW_V2_SPLIT_SEED = 37;
/** Column names in file order; `part` is 0 (train), 1 (validation) or 2 (test); the last column is the target. */
export const DAM_OUTFLOW_COLUMNS = ["part", "level_change", "outflow"] as const;

/**
 * Generates 54 rows `[part, level_change, outflow]`:
 * - level_change (metres): uniform in [-50, 45);
 * - outflow (million litres per day): 1.5 exp((level_change + 50) / 30)
 *   plus normal noise with standard deviation 3, so the relation curves
 *   upwards (a straight line underfits it);
 * - part: a seeded permutation (`splitSeed`, default seed + 1) sends the
 *   first 12 rows it lists to training (0), the next 21 to validation (1),
 *   the rest to test (2). The split seed changes only `part`, never the values.
 * Rows stay in generation order; values are rounded to 4 decimals.
 */
export function generateDamOutflow(seed = 514, splitSeed = seed + 1): number[][] {
  const rng = createRng(seed);
  const { train, validation, test } = DAM_OUTFLOW_PARTS;
  const n = train + validation + test;
  const xy: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-50, 45);
    xy.push([x, 1.5 * Math.exp((x + 50) / 30) + rng.normal(0, 3)]);
  }
  const part = new Array<number>(n).fill(2);
  seededPermutation(n, splitSeed).forEach((row, k) => {
    part[row] = k < train ? 0 : k < train + validation ? 1 : 2;
  });
  return xy.map(([x, y], i) => [part[i], round4(x), round4(y)]);
}

/** The shipped CSV: header `part,level_change,outflow`, part as an integer, the rest with 4 decimals. Pure. */
export function damOutflowCsv(rows: readonly (readonly number[])[]): string {
  return formatCsv(DAM_OUTFLOW_COLUMNS, rows, [0, 4, 4]);
}
