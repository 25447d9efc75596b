/**
 * The checker's rules for diagnoses: each mistaken variant must compile, fail
 * at least one check of its exercise, be recognised by its own diagnosis, and
 * never agree with the solution (a diagnosis that would fire on a right answer
 * is an error). Pure; called by verifyLesson.
 */
import { diagnosisSourcesOf } from "../evaluation/check-sources";
import { diagnose, observationsAgree, observeChecks, withVariant, type Observation } from "../evaluation/diagnose";
import type { CheckSource, LessonPayload, SourceCell } from "../evaluation/types";
import type { Exercise } from "../lesson/types";
import { bodyLineInFile } from "./lesson-lines";
import type { LessonReport } from "./verify-lesson";

/** The solution's run that diagnoses are verified against. */
export interface SolvedRun {
  payload: LessonPayload;
  /** Every exercise's solution (or starter, without one). */
  cells: readonly SourceCell[];
  /** The exercise's checks, hidden ones revealed. */
  checks: readonly CheckSource[];
  /** Each check's raw value on the solution (it passed them all). */
  observations: readonly Observation[];
}

/** Verifies every diagnosis of `exercise` against the solution's run. */
export function verifyDiagnoses(exercise: Exercise, solved: SolvedRun, report: LessonReport): void {
  const cellsOf = exercise.diagnoses ?? [];
  if (cellsOf.length === 0 || !exercise.solution) return;
  const { payload, cells, checks } = solved;
  diagnosisSourcesOf(exercise).forEach((source, index) => {
    const cell = cellsOf[index];
    const what = `diagnosis ${source.id} of exercise ${exercise.id}`;
    const error = (message: string, line = cell.line) =>
      report.problems.push({ line, severity: "error", message: `${what}: ${message}` });
    const variantCells = withVariant(cells, source);
    const variant = observeChecks(payload, variantCells, checks);
    if (!variant) return;
    const broken = variant.errors.find((e) => e.cellId === exercise.id);
    if (broken) {
      error(`its variant does not run: ${broken.message}`, bodyLineInFile(cell.line, broken.line));
      return;
    }
    if (!variant.failed) {
      error("its mistaken variant passes every check, so a right answer could not be told apart from it");
    } else if (observationsAgree(solved.observations, variant.observations)) {
      error("it fires on the solution: the variant gives the solution's results on every check");
    } else if (diagnose(payload, variantCells, checks, [source], variant.observations).length === 0) {
      error("it does not fire on its own variant (do the variant's results change from run to run?)");
    } else {
      report.passedSteps.push(`${what}: fires on its variant, not on the solution`);
    }
  });
}
