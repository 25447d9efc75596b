/**
 * How the lesson checker judges what a run of an exercise's checks gave: the
 * problems a failing solution, a starter that already passes, or a failing
 * experiment are reported as, each at a line of the lesson file. Pure; shared
 * by `verifyLesson` (the CLI, runs in-process) and the browser's verification
 * of an opened lesson file (runs through the kernel).
 */
import { checkNumberOf, checkSourcesOf } from "../evaluation/check-sources";
import type { CellError } from "../evaluation/types";
import type { ExperimentResult } from "../experiments/result-types";
import type { CheckVerdict } from "../grading/types";
import type { Exercise, Lesson } from "../lesson/types";
import { bodyLineInFile, checkCallLine, solutionLine } from "./lesson-lines";

/** One problem found in a lesson file, at a 1-based line of that file. */
export interface LessonProblem {
  line: number;
  severity: "error" | "warning";
  message: string;
}

/** Fence line of every cell a run of the solutions evaluates, by the cell id errors carry. */
function fenceLines(lesson: Lesson, exerciseId: string): Map<string, number> {
  const lines = new Map<string, number>(lesson.setup.map((cell) => [cell.id, cell.line]));
  for (const e of lesson.exercises) lines.set(e.id, solutionLine(lesson, e.id) ?? e.line);
  const exercise = lesson.exercises.find((e) => e.id === exerciseId);
  if (exercise) checkSourcesOf(exercise).forEach((check) => lines.set(check.id, check.line));
  return lines;
}

/** Where an error of a solutions run happened, as a file line, and a phrase naming the cell. */
export function locateError(lesson: Lesson, exerciseId: string, error: CellError): { line: number; where: string } {
  const exerciseLine = lesson.exercises.find((e) => e.id === exerciseId)?.line ?? 1;
  const fence = fenceLines(lesson, exerciseId).get(error.cellId) ?? exerciseLine;
  const check = checkNumberOf(error.cellId);
  const where =
    check !== null
      ? `check cell ${check}`
      : lesson.setup.some((s) => s.id === error.cellId)
        ? `setup cell ${error.cellId}`
        : `${solutionLine(lesson, error.cellId) ? "solution" : "starter code"} of exercise ${error.cellId}`;
  return { line: bodyLineInFile(fence, error.line), where: `${where}${error.line ? `, line ${error.line}` : ""}` };
}

/** "expected 47.97, got 0 (tolerance 0.01)", plus the comparison's own explanation. */
export function describeFailure(verdict: CheckVerdict): string {
  const tolerance =
    verdict.tolerance !== undefined && !verdict.message?.includes("tolerance")
      ? ` (tolerance ${verdict.tolerance})`
      : "";
  const values = verdict.expected || verdict.got ? `expected ${verdict.expected}, got ${verdict.got}${tolerance}` : "";
  return [values, verdict.message].filter(Boolean).join("; ");
}

/**
 * The problems of a run of `exercise`'s checks (hidden ones revealed) on every
 * exercise's solution: each failed check at the line of its `check(...)` call,
 * and each error at its line (once, however many checks hit it). Empty when the solution passes.
 */
export function solutionProblems(
  lesson: Lesson,
  exercise: Exercise,
  verdicts: readonly CheckVerdict[],
  errors: readonly CellError[],
): LessonProblem[] {
  const problems: LessonProblem[] = verdicts
    // A check cell that throws also fails as "check N could not finish"; its located error says more.
    .filter((v) => !v.passed && !/^check \d+ could not finish$/.test(v.name))
    .map((v) => {
      const call = checkCallLine(lesson, exercise.id, v.name);
      const kind = call?.hidden ? "hidden check" : "check";
      return {
        line: call?.line ?? exercise.checks[0]?.line ?? exercise.line,
        severity: "error",
        message: `exercise ${exercise.id}: the solution fails ${kind} "${v.name}": ${describeFailure(v)}`,
      };
    });
  const located = errors.map((e): LessonProblem => {
    const { line, where } = locateError(lesson, exercise.id, e);
    const what = e.phase === "syntax" ? "syntax error" : "error";
    return { line, severity: "error", message: `exercise ${exercise.id}: ${what} in the ${where}: ${e.message}` };
  });
  const unique = located.filter((p, i) => located.findIndex((q) => q.line === p.line && q.message === p.message) === i);
  return [...problems, ...unique];
}

/** The problem of a starter that passes every check (null when it fails one, as it should). */
export function starterProblem(exercise: Exercise, verdicts: readonly CheckVerdict[]): LessonProblem | null {
  if (verdicts.length === 0 || !verdicts.every((v) => v.passed)) return null;
  return {
    line: exercise.line,
    severity: "error",
    message: `exercise ${exercise.id}: the starter code already passes every check, so the exercise teaches nothing`,
  };
}

/** How an experiment run on the CPU backend ended: its result, or the error that stopped it. */
export type ExperimentOutcome = { ok: true; result: ExperimentResult } | { ok: false; error: CellError };

/** An experiment run's judgment: the problem it shows, or the line saying it ran (time, leaks, metrics). */
export function judgeExperiment(
  experimentId: string,
  line: number,
  outcome: ExperimentOutcome,
): { problem: LessonProblem; passed?: undefined } | { problem?: undefined; passed: string } {
  if (!outcome.ok) {
    const { cellId, line: at, message } = outcome.error;
    const where = at ? ` (${cellId} line ${at})` : ` (${cellId})`;
    return {
      problem: { line, severity: "error", message: `experiment ${experimentId} fails on CPU${where}: ${message}` },
    };
  }
  const leaked = outcome.result.profile?.leakedTensors ?? 0;
  if (leaked !== 0) {
    const message = `experiment ${experimentId}: the tfjs reference leaks ${leaked} tensors (dispose them or use tf.tidy)`;
    return { problem: { line, severity: "error", message } };
  }
  const { implementations, totalMs, maxAbsThetaDiff } = outcome.result;
  const [learner, reference] = implementations;
  const metrics = compareMetrics(learner?.metrics ?? {}, reference?.metrics ?? {});
  return {
    passed: `experiment ${experimentId}: runs on CPU in ${totalMs.toFixed(0)} ms, 0 tensors leaked, ${metrics}, max |Δθ| ${maxAbsThetaDiff.toExponential(2)}`,
  };
}

/** The first two metrics of a task, e.g. "trainCost 5.99834 (yours) vs 5.99834 (tfjs)". */
export function compareMetrics(learner: Record<string, number>, reference: Record<string, number>): string {
  const names = Object.keys(learner).slice(0, 2);
  if (names.length === 0) return "no metrics";
  return names
    .map((name) => `${name} ${learner[name]?.toPrecision(6)} (yours) vs ${reference[name]?.toPrecision(6)} (tfjs)`)
    .join(", ");
}
