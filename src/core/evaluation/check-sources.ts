/**
 * How an exercise's check cells become kernel sources: one id per check cell,
 * `<exerciseId>-check-<n>` (1-based), so errors and verdicts can name the cell.
 * Shared by the app (run requests) and the lesson checker.
 */
import type { Exercise } from "../lesson/types";
import type { DiagnosisSource } from "./diagnose";
import type { CheckSource } from "./types";

/** A check source with the lesson-file line of its opening fence. */
export interface LocatedCheckSource extends CheckSource {
  line: number;
}

/**
 * The check cells of one exercise in file order. With `revealHidden`, hidden
 * checks run as visible ones (an instructor needs their expected values).
 */
export function checkSourcesOf(exercise: Exercise, options: { revealHidden?: boolean } = {}): LocatedCheckSource[] {
  return exercise.checks.map((check, index) => ({
    id: `${exercise.id}-check-${index + 1}`,
    code: check.code,
    hidden: options.revealHidden ? false : check.hidden,
    line: check.line,
  }));
}

/** The 1-based number of the check cell a kernel cell id names, or null for other cells. */
export function checkNumberOf(cellId: string): number | null {
  const match = /-check-(\d+)$/.exec(cellId);
  return match ? Number(match[1]) : null;
}

/** The diagnoses of one exercise as the kernel runs them (each variant replaces the exercise's cell). */
export function diagnosisSourcesOf(exercise: Exercise): DiagnosisSource[] {
  return (exercise.diagnoses ?? []).map((d) => ({
    id: d.id,
    exerciseId: exercise.id,
    message: d.message,
    code: d.code,
  }));
}
