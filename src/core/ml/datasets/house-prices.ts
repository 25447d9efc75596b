/**
 * Lesson 2's data: a seeded, synthetic look-alike of "house price from floor
 * area and number of bedrooms" (the shape of a classic course exercise; none
 * of its data is copied). The shipped file `public/datasets/house-prices-v1.csv`
 * is `housePricesCsv(generateHousePrices())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the shipped file's checksum,
 * the registry entry and lesson 2's check values depend on its exact output.
 */
import { createRng } from "../prng";

/** Number of houses (rows). */
export const HOUSE_PRICES_ROWS = 60;
/** Column names, in file order; the last column is the target. */
export const HOUSE_PRICES_COLUMNS = ["size_sqft", "bedrooms", "price"] as const;

/**
 * Generates the rows `[size_sqft, bedrooms, price]`, 60 of them:
 * - size in square feet: 800 + 3600 u^1.6, u uniform in [0, 1), rounded to a whole number;
 * - bedrooms: round(0.6 + size / 1000 + normal(0, 0.6)), clamped to 1..5;
 * - price in dollars: 60,000 + 135 size - 6,000 bedrooms + normal(0, 40,000),
 *   rounded to the nearest 100.
 * The same seed always gives the same rows.
 */
export function generateHousePrices(seed = 2025): number[][] {
  const rng = createRng(seed);
  const rows: number[][] = [];
  for (let i = 0; i < HOUSE_PRICES_ROWS; i++) {
    const size = Math.round(800 + 3600 * rng.next() ** 1.6);
    const bedrooms = Math.min(5, Math.max(1, Math.round(0.6 + size / 1000 + rng.normal(0, 0.6))));
    const price = Math.round((60000 + 135 * size - 6000 * bedrooms + rng.normal(0, 40000)) / 100) * 100;
    rows.push([size, bedrooms, price]);
  }
  return rows;
}

/** Formats rows as the shipped CSV: a header, whole numbers, LF line ends, a final newline. Pure. */
export function housePricesCsv(rows: readonly (readonly number[])[]): string {
  const lines = rows.map((row) => row.map((x) => x.toFixed(0)).join(","));
  return [HOUSE_PRICES_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
