/**
 * Lesson 10's recommender data: seeded, synthetic star ratings of 40 invented
 * items by 30 invented users, made from a hidden rank-3 structure. No real
 * items, people or course data. The shipped file
 * `public/datasets/item-ratings-v1.csv` is `itemRatingsCsv(generateItemRatings())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the shipped file's checksum, the
 * registry entry and lesson 10's check values depend on its exact output.
 */
import { createRng } from "../prng";

export const ITEM_RATINGS_ITEMS = 40;
export const ITEM_RATINGS_USERS = 30;
/** Column names in file order; the rating (the last column) is the target. */
export const ITEM_RATINGS_COLUMNS = ["item", "user", "rating"] as const;

/**
 * Generates the known ratings as rows `[item, user, rating]` (0-based indices,
 * integer stars 1 to 5), sorted by item then user. Hidden model: item features
 * a_i ~ N(0, 1)^3, user tastes b_u ~ N(0, 0.8^2)^3, item quality c_i ~ N(0, 0.5^2);
 * a rating is round(3 + c_i + a_i . b_u + N(0, 0.4^2)) clipped to [1, 5].
 * Each (item, user) pair is rated with probability 0.5, and every pair whose
 * item + user is a multiple of 17 is always rated, so every item has at least
 * one rating and every user at least two.
 */
export function generateItemRatings(seed = 4040): number[][] {
  const rng = createRng(seed);
  const vec = (sd: number) => [0, 1, 2].map(() => rng.normal(0, sd));
  const items = Array.from({ length: ITEM_RATINGS_ITEMS }, () => ({ a: vec(1), c: rng.normal(0, 0.5) }));
  const users = Array.from({ length: ITEM_RATINGS_USERS }, () => vec(0.8));
  const rows: number[][] = [];
  items.forEach(({ a, c }, i) => {
    users.forEach((b, u) => {
      const noise = rng.normal(0, 0.4);
      const rated = rng.next() < 0.5 || (i + u) % 17 === 0;
      if (!rated) return;
      const raw = 3 + c + a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + noise;
      rows.push([i, u, Math.min(5, Math.max(1, Math.round(raw)))]);
    });
  });
  return rows;
}

/** The shipped CSV: header `item,user,rating`, integers, LF line ends, a final newline. */
export function itemRatingsCsv(rows: readonly (readonly number[])[]): string {
  return [ITEM_RATINGS_COLUMNS.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n";
}
