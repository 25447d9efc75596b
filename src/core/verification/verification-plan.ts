/**
 * Verifying an opened lesson file in the browser, as `lessons:check` does:
 * the plan of kernel runs (each exercise's checks on its solution, then on its
 * starter, each diagnosis on its mistaken variant and all of them on the
 * solution, each experiment once on the CPU backend) and the judgment of each
 * run's outcome. Pure data and functions: the page sends the runs through the
 * kernel (src/ui/open-lesson/useLessonVerification.ts); the report is built by
 * verification-report.ts.
 */
import { checkSourcesOf, diagnosisSourcesOf } from "../evaluation/check-sources";
import type { DiagnosisSource } from "../evaluation/diagnose";
import type { CheckSource, SourceCell } from "../evaluation/types";
import type { Exercise, Lesson } from "../lesson/types";

/** What one step asks the kernel: a checks run (`run-checks`) or an experiment run (`run-experiment`) on CPU. */
export type StepRun =
  | {
      kind: "checks";
      cells: SourceCell[];
      checks: CheckSource[];
      diagnoses: DiagnosisSource[];
    }
  | { kind: "experiment"; cells: SourceCell[]; experimentId: string };

/** What a step verifies. */
export type StepTarget =
  | { kind: "solution" | "starter" | "diagnoses-on-solution"; exerciseId: string }
  | { kind: "diagnosis"; exerciseId: string; diagnosisId: string }
  | { kind: "experiment"; experimentId: string };

/** One kernel run of the verification. */
export interface VerificationStep {
  /** Unique in the plan, e.g. `solution:computeCost`. */
  id: string;
  /** What the report calls it, e.g. "Solution of exercise computeCost". */
  label: string;
  target: StepTarget;
  run: StepRun;
  /** Wall-clock limit of the run in milliseconds (the lesson's own limits). */
  limitMs: number;
  /** A step that only makes sense when this one passed (diagnoses need a passing solution). */
  after?: string;
}

/** Limits the plan takes from the app. */
export interface PlanOptions {
  /** The app's limit for one experiment run, in milliseconds. */
  experimentLimitMs: number;
}

/** Name of the always-failing check that makes the kernel try diagnoses on a passing solution. */
export const PROBE_CHECK_NAME = "verification probe (always fails)";

/** Every exercise's solution (or its starter, without one), with `exerciseId`'s cell replaced by `code`. */
export function solvedCells(lesson: Lesson, replace?: SourceCell): SourceCell[] {
  return lesson.exercises.map((e) => (replace?.id === e.id ? replace : { id: e.id, code: e.solution ?? e.starter }));
}

/** The exercise's checks as the kernel runs them for an instructor: hidden ones revealed. */
function revealedChecks(exercise: Exercise): CheckSource[] {
  return checkSourcesOf(exercise, { revealHidden: true }).map(({ id, code, hidden }) => ({ id, code, hidden }));
}

/**
 * The checks plus one that always fails: the kernel tries diagnoses only after
 * a failure, and this one fails the same way for the solution and every variant,
 * so a diagnosis fires exactly when its variant agrees with the solution on every real check.
 */
function probedChecks(exercise: Exercise): CheckSource[] {
  const checks = revealedChecks(exercise);
  const probe = `checkThat(${JSON.stringify(PROBE_CHECK_NAME)}, false);`;
  return [...checks, { id: `${exercise.id}-check-${checks.length + 1}`, code: probe, hidden: false }];
}

function exerciseSteps(lesson: Lesson, exercise: Exercise): VerificationStep[] {
  const limit = lesson.meta.timeLimitMs;
  const checks = revealedChecks(exercise);
  const id = exercise.id;
  const solution: VerificationStep = {
    id: `solution:${id}`,
    label: `Solution of exercise ${id}`,
    target: { kind: "solution", exerciseId: id },
    run: { kind: "checks", cells: solvedCells(lesson), checks, diagnoses: [] },
    limitMs: limit,
  };
  const starter: VerificationStep = {
    id: `starter:${id}`,
    label: `Starter of exercise ${id}`,
    target: { kind: "starter", exerciseId: id },
    run: { kind: "checks", cells: solvedCells(lesson, { id, code: exercise.starter }), checks, diagnoses: [] },
    limitMs: limit,
  };
  const diagnoses = diagnosisSourcesOf(exercise);
  // Each diagnosis run evaluates the checks twice (the variant as "learner", then as the diagnosis).
  const variants = diagnoses.map((d): VerificationStep => ({
    id: `diagnosis:${id}:${d.id}`,
    label: `Diagnosis ${d.id} of exercise ${id}`,
    target: { kind: "diagnosis", exerciseId: id, diagnosisId: d.id },
    run: { kind: "checks", cells: solvedCells(lesson, { id, code: d.code }), checks, diagnoses: [d] },
    limitMs: 2 * limit,
    after: solution.id,
  }));
  const onSolution: VerificationStep[] = diagnoses.length
    ? [
        {
          id: `diagnoses-on-solution:${id}`,
          label: `Diagnoses of exercise ${id} on the solution`,
          target: { kind: "diagnoses-on-solution", exerciseId: id },
          run: { kind: "checks", cells: solvedCells(lesson), checks: probedChecks(exercise), diagnoses },
          limitMs: (1 + diagnoses.length) * limit,
          after: solution.id,
        },
      ]
    : [];
  return [solution, starter, ...variants, ...onSolution];
}

/**
 * Every run that verifies `lesson`, in order: per exercise with a solution,
 * its solution, its starter and its diagnoses; then each experiment. Exercises
 * without a solution have nothing to verify against (the parser warns).
 */
export function planVerification(lesson: Lesson, options: PlanOptions): VerificationStep[] {
  const exercises = lesson.exercises.filter((e) => e.solution !== undefined).flatMap((e) => exerciseSteps(lesson, e));
  const experiments = lesson.experiments.map((experiment): VerificationStep => ({
    id: `experiment:${experiment.id}`,
    label: `Experiment ${experiment.id} on CPU`,
    target: { kind: "experiment", experimentId: experiment.id },
    run: { kind: "experiment", cells: solvedCells(lesson), experimentId: experiment.id },
    limitMs: options.experimentLimitMs,
  }));
  return [...exercises, ...experiments];
}
