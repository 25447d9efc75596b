/**
 * The datasets shipped in `public/datasets/`, by id and version. Lessons
 * refer to them as `id@version` (e.g. `city-profits@1`).
 *
 * DO NOT CHANGE A SHIPPED ENTRY: stored runs record the dataset id, version
 * and sha256 they used. Changed data is a new version with a new file.
 */
import type { DatasetEntry } from "./dataset-types";

/** Every shipped dataset version. `file` is relative to `public/datasets/`; its data card is the same name with `.md`. */
export const DATASETS: readonly DatasetEntry[] = [
  {
    id: "city-profits",
    version: 1,
    file: "city-profits-v1.csv",
    sha256: "cdbddf9ffc2a24befcfe933160b7c54bbb58c2389751c6a135e5629393367bf0",
    rows: 97,
    columns: ["population", "profit"],
    description:
      "Synthetic food-truck profit (in $10,000s) against city population (in 10,000s), 97 cities, seeded (lesson 1).",
  },
];

/** The registry entry for `id` at `version`, or undefined if none is shipped. */
export function findDataset(id: string, version: number): DatasetEntry | undefined {
  return DATASETS.find((d) => d.id === id && d.version === version);
}

/**
 * Parses a dataset reference `id@version` (id: lower-case letters, digits
 * and dashes, starting with a letter; version: a positive integer without
 * leading zeros). Returns null for anything else. Does not check that the
 * dataset exists (see `findDataset`).
 */
export function parseDatasetRef(ref: string): { id: string; version: number } | null {
  const match = /^([a-z][a-z0-9-]*)@([1-9]\d*)$/.exec(ref.trim());
  if (!match) return null;
  const version = Number(match[2]);
  return Number.isSafeInteger(version) ? { id: match[1], version } : null;
}
