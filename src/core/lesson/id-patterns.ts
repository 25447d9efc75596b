/**
 * The shapes of ids a lesson file declares, shared by the lesson parser and
 * the record schemas (so a stored or imported record can only name ids a
 * lesson could have). Pure constants.
 */

/** Lesson ids (front matter `id:`): kebab-case, e.g. `linear-regression`. Run ids (UUIDs) have this shape too. */
export const LESSON_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Cell ids (exercise, experiment, ...): a letter, then letters, digits, `_` or `-` (e.g. `computeCost`, `gd-reference`). */
export const CELL_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Longest id of either kind, in characters: ids are names, not text. */
export const MAX_ID_CHARS = 128;
