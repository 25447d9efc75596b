/** A dataset as the kernel receives it: numeric rows, already checksum-verified. */
export interface LoadedDataset {
  id: string;
  version: number;
  /** Lower-case hex SHA-256 of the exact file bytes that were loaded. */
  sha256: string;
  /** Column names in order, e.g. `["population", "profit"]`. The last column is the target. */
  columns: string[];
  /** One array per row, `columns.length` numbers each. */
  rows: number[][];
}

/** Registry entry for a dataset shipped in `public/datasets/`. */
export interface DatasetEntry {
  id: string;
  version: number;
  /** File name under `public/datasets/`, e.g. `city-profits@1.csv`. */
  file: string;
  sha256: string;
  rows: number;
  columns: string[];
  /** One-line description; the full data card is `<file>.md` beside the file. */
  description: string;
}
