/** Parsing and formatting of dataset references `id@version`, e.g. `city-profits@1`. */
import type { DatasetRef } from "./types";

/**
 * A dataset id (lower-case letters, digits and dashes, starting with a letter),
 * `@`, a positive integer version without leading zeros: the same rule as the
 * datasets registry in src/core/ml/datasets-registry.ts.
 */
const DATASET_REF = /^([a-z][a-z0-9-]*)@([1-9][0-9]*)$/;

/** The syntax rule, for diagnostics. */
export const DATASET_REF_RULE = "id@<positive integer version> with a lower-case kebab-case id, e.g. city-profits@1";

/** Parses `id@version`; returns null when the text does not follow {@link DATASET_REF_RULE}. */
export function parseDatasetRef(text: string): DatasetRef | null {
  const m = DATASET_REF.exec(text.trim());
  if (!m) return null;
  const version = Number(m[2]);
  return Number.isSafeInteger(version) ? { id: m[1], version } : null;
}

/** Formats a reference back to `id@version`. */
export function formatDatasetRef(ref: DatasetRef): string {
  return `${ref.id}@${ref.version}`;
}

/** True when both references name the same dataset version. */
export function sameDatasetRef(a: DatasetRef, b: DatasetRef): boolean {
  return a.id === b.id && a.version === b.version;
}
