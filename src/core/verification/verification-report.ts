/**
 * Judging each kernel run of a lesson's verification (verification-plan.ts)
 * the way `lessons:check` does, and the report the `Open lesson file` page
 * shows: one item per run, passed or failed with its problems at lesson-file
 * lines, and a headline. Pure; nothing here mutates its inputs.
 */
import type { DiagnosisFinding } from "../evaluation/diagnose";
import type { CellError } from "../evaluation/types";
import type { ExperimentResult } from "../experiments/result-types";
import type { CheckVerdict } from "../grading/types";
import type { Exercise, Lesson } from "../lesson/types";
import { judgeExperiment, solutionProblems, starterProblem, type LessonProblem } from "./judge-checks";
import { bodyLineInFile, solutionLine } from "./lesson-lines";
import type { VerificationStep } from "./verification-plan";

/** How a step's kernel run ended, with the cell errors it streamed. */
export type StepOutcome =
  | { kind: "checks"; verdicts: CheckVerdict[]; diagnoses: DiagnosisFinding[]; errors: CellError[] }
  | { kind: "experiment"; result: ExperimentResult }
  | { kind: "failed"; message: string; errors: CellError[] }
  | { kind: "timeout"; limitMs: number }
  | { kind: "crashed"; message: string };

/** Where a step stands. */
export type StepState = "waiting" | "running" | "passed" | "failed" | "skipped";

/** A step's judgment: passed or failed, a one-line summary, and its problems (none when it passed). */
export interface StepJudgment {
  state: "passed" | "failed";
  summary: string;
  problems: LessonProblem[];
}

/** One line of the report. */
export interface VerificationItem {
  stepId: string;
  label: string;
  state: StepState;
  summary: string;
  problems: LessonProblem[];
}

/** The report: one item per planned step, in plan order, and the milliseconds the whole verification took once done. */
export interface VerificationReport {
  items: VerificationItem[];
  elapsedMs?: number;
}

const failed = (problems: LessonProblem[]): StepJudgment => ({
  state: "failed",
  summary: problems[0]?.message ?? "failed",
  problems,
});

function exerciseOf(lesson: Lesson, step: VerificationStep): Exercise | undefined {
  const target = step.target;
  return target.kind === "experiment" ? undefined : lesson.exercises.find((e) => e.id === target.exerciseId);
}

/** The file line a step's run is about: the solution, starter, diagnosis or experiment cell. */
function stepLine(lesson: Lesson, step: VerificationStep): number {
  const t = step.target;
  if (t.kind === "experiment") return lesson.experiments.find((e) => e.id === t.experimentId)?.line ?? 1;
  const exercise = exerciseOf(lesson, step);
  if (t.kind === "diagnosis") return exercise?.diagnoses?.find((d) => d.id === t.diagnosisId)?.line ?? 1;
  if (t.kind === "starter") return exercise?.line ?? 1;
  return solutionLine(lesson, t.exerciseId) ?? exercise?.line ?? 1;
}

/** A run that ended without a reply: out of time, crashed, or the kernel's own failure. */
function unfinished(lesson: Lesson, step: VerificationStep, outcome: StepOutcome): StepJudgment | null {
  const line = stepLine(lesson, step);
  const what = step.label.charAt(0).toLowerCase() + step.label.slice(1);
  if (outcome.kind === "timeout")
    return failed([
      { line, severity: "error", message: `${what}: did not finish within ${outcome.limitMs / 1000} s (time limit)` },
    ]);
  if (outcome.kind === "crashed")
    return failed([{ line, severity: "error", message: `${what}: the kernel stopped: ${outcome.message}` }]);
  return null;
}

/** Judges one step's outcome as `lessons:check` would. */
export function judgeStep(lesson: Lesson, step: VerificationStep, outcome: StepOutcome): StepJudgment {
  const stopped = unfinished(lesson, step, outcome);
  if (stopped) return stopped;
  const t = step.target;
  if (t.kind === "experiment") return judgeExperimentStep(lesson, step, t.experimentId, outcome);
  const exercise = exerciseOf(lesson, step)!;
  if (outcome.kind !== "checks") {
    const errors = outcome.kind === "failed" ? outcome.errors : [];
    const problems = solutionProblems(lesson, exercise, [], errors);
    const message = outcome.kind === "failed" ? outcome.message : "no checks result";
    return failed(problems.length ? problems : [{ line: stepLine(lesson, step), severity: "error", message }]);
  }
  if (t.kind === "solution") return judgeSolution(lesson, exercise, outcome);
  if (t.kind === "starter") return judgeStarter(exercise, outcome.verdicts);
  if (t.kind === "diagnosis") return judgeDiagnosis(exercise, t.diagnosisId, outcome);
  return judgeDiagnosesOnSolution(exercise, outcome.diagnoses);
}

type ChecksOutcome = Extract<StepOutcome, { kind: "checks" }>;

function judgeSolution(lesson: Lesson, exercise: Exercise, outcome: ChecksOutcome): StepJudgment {
  const problems = solutionProblems(lesson, exercise, outcome.verdicts, outcome.errors);
  if (problems.length) return failed(problems);
  const hidden = exercise.checks.filter((c) => c.hidden).length;
  const n = outcome.verdicts.length;
  const cells = hidden ? ` (${hidden} hidden check cell${hidden === 1 ? "" : "s"} included)` : "";
  return { state: "passed", summary: `passes all ${n} check${n === 1 ? "" : "s"}${cells}`, problems: [] };
}

function judgeStarter(exercise: Exercise, verdicts: readonly CheckVerdict[]): StepJudgment {
  const problem = starterProblem(exercise, verdicts);
  if (problem) return failed([problem]);
  const failing = verdicts.filter((v) => !v.passed).length;
  return { state: "passed", summary: `fails ${failing} of ${verdicts.length} checks, as it should`, problems: [] };
}

function judgeDiagnosis(exercise: Exercise, diagnosisId: string, outcome: ChecksOutcome): StepJudgment {
  const cell = exercise.diagnoses!.find((d) => d.id === diagnosisId)!;
  const what = `diagnosis ${diagnosisId} of exercise ${exercise.id}`;
  const problem = (message: string, line = cell.line) =>
    failed([{ line, severity: "error", message: `${what}: ${message}` }]);
  const broken = outcome.errors.find((e) => e.cellId === exercise.id);
  if (broken) return problem(`its variant does not run: ${broken.message}`, bodyLineInFile(cell.line, broken.line));
  if (outcome.verdicts.every((v) => v.passed))
    return problem("its mistaken variant passes every check, so a right answer could not be told apart from it");
  if (!outcome.diagnoses.some((d) => d.id === diagnosisId))
    return problem("it does not fire on its own variant (do the variant's results change from run to run?)");
  return { state: "passed", summary: "fires on its mistaken variant", problems: [] };
}

function judgeDiagnosesOnSolution(exercise: Exercise, findings: readonly DiagnosisFinding[]): StepJudgment {
  const problems = findings.map((finding): LessonProblem => {
    const cell = exercise.diagnoses?.find((d) => d.id === finding.id);
    const message = `diagnosis ${finding.id} of exercise ${exercise.id}: it fires on the solution: the variant gives the solution's results on every check`;
    return { line: cell?.line ?? exercise.line, severity: "error", message };
  });
  if (problems.length) return failed(problems);
  const n = exercise.diagnoses?.length ?? 0;
  return { state: "passed", summary: `none of ${n} fires on the solution`, problems: [] };
}

function judgeExperimentStep(
  lesson: Lesson,
  step: VerificationStep,
  experimentId: string,
  outcome: StepOutcome,
): StepJudgment {
  const line = stepLine(lesson, step);
  if (outcome.kind === "experiment") {
    const judged = judgeExperiment(experimentId, line, { ok: true, result: outcome.result });
    return judged.problem ? failed([judged.problem]) : { state: "passed", summary: judged.passed, problems: [] };
  }
  const message = outcome.kind === "failed" ? outcome.message : "no experiment result";
  const error = (outcome.kind === "failed" && outcome.errors[0]) || { cellId: experimentId, phase: "runtime", message };
  return failed([judgeExperiment(experimentId, line, { ok: false, error: error as CellError }).problem!]);
}

/** The report before anything ran: every step waiting. */
export function initialReport(plan: readonly VerificationStep[]): VerificationReport {
  return { items: plan.map((s) => ({ stepId: s.id, label: s.label, state: "waiting", summary: "", problems: [] })) };
}

/** The report with one step's item changed. */
export function withStep(
  report: VerificationReport,
  stepId: string,
  change: Partial<Omit<VerificationItem, "stepId" | "label">>,
): VerificationReport {
  return { ...report, items: report.items.map((item) => (item.stepId === stepId ? { ...item, ...change } : item)) };
}

/** Whether a step should run: the step it comes after (if any) passed. */
export function canRun(report: VerificationReport, step: VerificationStep): boolean {
  return !step.after || report.items.find((i) => i.stepId === step.after)?.state === "passed";
}

/** The report with a step that will not run, and why. */
export function withSkipped(report: VerificationReport, step: VerificationStep): VerificationReport {
  const after = report.items.find((i) => i.stepId === step.after);
  return withStep(report, step.id, {
    state: "skipped",
    summary: `not run: ${after?.label ?? "an earlier step"} failed`,
  });
}

/** Counts and a one-line headline, e.g. "Verified: 2 solutions pass, 2 starters fail, 1 experiment ran on CPU". */
export function reportHeadline(report: VerificationReport): {
  done: boolean;
  failed: number;
  finished: number;
  headline: string;
} {
  const { items } = report;
  const finished = items.filter((i) => i.state !== "waiting" && i.state !== "running").length;
  const failing = items.filter((i) => i.state === "failed").length;
  const done = finished === items.length;
  if (items.length === 0)
    return {
      done,
      failed: 0,
      finished,
      headline: "Nothing to verify: no exercise has a solution and there is no experiment",
    };
  if (!done)
    return {
      done,
      failed: failing,
      finished,
      headline: `Verifying: ${finished} of ${items.length} runs done${failing ? `, ${failing} failed` : ""}`,
    };
  const seconds = report.elapsedMs !== undefined ? ` in ${(report.elapsedMs / 1000).toFixed(1)} s` : "";
  if (failing)
    return {
      done,
      failed: failing,
      finished,
      headline: `Verification failed: ${failing} of ${items.length} runs found problems${seconds}`,
    };
  const count = (prefix: string) => items.filter((i) => i.stepId.startsWith(prefix) && i.state === "passed").length;
  const part = (n: number, one: string, many: string) => (n ? `${n} ${n === 1 ? one : many}` : "");
  const parts = [
    part(count("solution:"), "solution passes its checks", "solutions pass their checks"),
    part(count("starter:"), "starter fails them", "starters fail them"),
    part(count("diagnosis:"), "diagnosis fires on its mistake", "diagnoses fire on their mistakes"),
    part(count("experiment:"), "experiment ran on CPU", "experiments ran on CPU"),
  ].filter(Boolean);
  return { done, failed: 0, finished, headline: `Verified${seconds}: ${parts.join(", ")}` };
}
