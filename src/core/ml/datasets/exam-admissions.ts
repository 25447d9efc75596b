/**
 * Lesson 3's data: a seeded, synthetic look-alike of "university admission
 * from two exam scores" (the shape of a classic course exercise; none of its
 * data is copied). The shipped file `public/datasets/exam-admissions-v1.csv`
 * is `examAdmissionsCsv(generateExamAdmissions())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the shipped file's checksum,
 * the registry entry and lesson 3's check values depend on its exact output.
 */
import { createRng } from "../prng";

/** Number of applicants (rows). */
export const EXAM_ADMISSIONS_ROWS = 100;
/** Column names, in file order; the last column is the 0/1 target. */
export const EXAM_ADMISSIONS_COLUMNS = ["exam1", "exam2", "admitted"] as const;

/**
 * Generates the rows `[exam1, exam2, admitted]`, 100 of them:
 * - both scores uniform in [30, 100), rounded to 2 decimals;
 * - admitted = 1 with probability sigmoid(0.15 (exam1 + exam2) - 19.5), else 0
 *   (drawn with one more uniform number), so the true boundary is the line
 *   exam1 + exam2 = 130 and applicants near it go either way.
 * The same seed always gives the same rows.
 */
export function generateExamAdmissions(seed = 3031): number[][] {
  const rng = createRng(seed);
  const rows: number[][] = [];
  for (let i = 0; i < EXAM_ADMISSIONS_ROWS; i++) {
    const exam1 = Math.round(rng.uniform(30, 100) * 100) / 100;
    const exam2 = Math.round(rng.uniform(30, 100) * 100) / 100;
    const p = 1 / (1 + Math.exp(-(0.15 * (exam1 + exam2) - 19.5)));
    rows.push([exam1, exam2, rng.next() < p ? 1 : 0]);
  }
  return rows;
}

/** Formats rows as the shipped CSV: a header, scores with 2 decimals, the label as 0/1, LF line ends. Pure. */
export function examAdmissionsCsv(rows: readonly (readonly number[])[]): string {
  const lines = rows.map(([a, b, label]) => `${a.toFixed(2)},${b.toFixed(2)},${label.toFixed(0)}`);
  return [EXAM_ADMISSIONS_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
