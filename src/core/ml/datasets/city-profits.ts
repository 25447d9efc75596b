/**
 * Lesson 1's data: a seeded, synthetic look-alike of "profit of a food truck
 * against the population of its city" (the shape of a classic course
 * exercise; none of its data is copied). The shipped file
 * `public/datasets/city-profits-v1.csv` is `cityProfitsCsv(generateCityProfits())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the shipped file's checksum,
 * the registry entry and lesson 1's check values depend on its exact output.
 * A different data set is a new version (a new file, card and registry entry).
 */
import { createRng } from "../prng";

/** Number of cities (rows) in the data set. */
export const CITY_PROFITS_ROWS = 97;
/** Column names, in file order; the last column is the target. */
export const CITY_PROFITS_COLUMNS = ["population", "profit"] as const;

/** Rounds to 4 decimals, turning -0 into 0 so the CSV never shows "-0.0000". */
function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/**
 * Generates the rows `[population, profit]`, 97 of them:
 * - population, in 10,000s of people: 5 + 18 u^4 with u uniform in [0, 1),
 *   so between 5 and 23 and skewed toward small cities;
 * - profit, in $10,000s: -4 + 1.2 population + noise, the noise normal with
 *   standard deviation 1.5 + 0.15 population (wider for big cities), so
 *   small cities sometimes lose money (negative profit).
 * Values are rounded to 4 decimals. The same seed always gives the same rows.
 */
export function generateCityProfits(seed = 2024): number[][] {
  const rng = createRng(seed);
  const rows: number[][] = [];
  for (let i = 0; i < CITY_PROFITS_ROWS; i++) {
    const population = 5 + 18 * rng.next() ** 4;
    const profit = -4 + 1.2 * population + rng.normal(0, 1.5 + 0.15 * population);
    rows.push([round4(population), round4(profit)]);
  }
  return rows;
}

/**
 * Formats rows as the shipped CSV: header `population,profit`, one row per
 * line, every value with exactly 4 decimals, LF line ends, a final newline.
 * Does not mutate `rows`.
 */
export function cityProfitsCsv(rows: readonly (readonly number[])[]): string {
  const lines = rows.map((row) => row.map((x) => x.toFixed(4)).join(","));
  return [CITY_PROFITS_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
