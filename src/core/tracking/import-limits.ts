/**
 * Bounds on every string, array and file the app reads from storage or from
 * an imported file. A record beyond them is refused with a reason, so a
 * hostile or damaged file cannot freeze the page (a 10 MB id rendered in a
 * table) or exhaust its memory. Generous: a real record is far below each.
 * Pure constants. CHANGING A BOUND DOWNWARD CAN MAKE STORED RECORDS INVALID.
 */
export { MAX_ID_CHARS } from "../lesson/id-patterns";

/** Largest runs export file the app reads, in bytes; checked before the file is read. */
export const MAX_IMPORT_FILE_BYTES = 25_000_000;

/** Most runs in one export file. */
export const MAX_RUNS_PER_IMPORT = 5_000;

/** Most artifacts in one export file (a run has a few: parameters per implementation, loss history, plots). */
export const MAX_ARTIFACTS_PER_IMPORT = 4 * MAX_RUNS_PER_IMPORT;

/** Text of one artifact (JSON or CSV), in characters: no more than an import file may hold. */
export const MAX_ARTIFACT_CHARS = MAX_IMPORT_FILE_BYTES;

/**
 * Deepest JSON nesting an export may have (a run's deepest value, a loss in
 * `runs[i].implementations[j].history[k].loss` written as `{"$number": "NaN"}`,
 * is 8 levels down). Checked before `JSON.parse`.
 */
export const MAX_IMPORT_JSON_DEPTH = 16;

/** Learner code of one run (all exercise cells joined), in characters. */
export const MAX_CODE_CHARS = 1_000_000;

/** Short free text: names, versions, user agent, reasons, messages. */
export const MAX_TEXT_CHARS = 2_000;

/** Numbers in one array (theta) or entries in one loss history. */
export const MAX_ARRAY_ITEMS = 1_000_000;

/** Keys of one `params` or `metrics` object, check verdicts of one progress record. */
export const MAX_ENTRIES = 1_000;

/** Error lines kept from one import (each cut to `MAX_ERROR_LINE_CHARS`); the rest are counted. */
export const MAX_IMPORT_ERRORS_KEPT = 10_000;

/** Error lines rendered on the page at once; the full list is offered as a download. */
export const MAX_ERRORS_SHOWN = 20;

/** Longest error line kept, in characters. */
export const MAX_ERROR_LINE_CHARS = 300;

/** `n` bytes as "25 MB" (decimal megabytes, one decimal below 10). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb < 10 ? mb.toFixed(1) : mb.toFixed(0)} MB`;
}
