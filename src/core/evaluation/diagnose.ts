/**
 * Diagnoses: after a learner's checks fail, each instructor-written mistaken
 * variant of the exercise runs through the same checks in place of the
 * learner's cell; a diagnosis fires when the variant's raw results agree with
 * the learner's on every check (so the checks' own calls are the probe inputs,
 * hidden ones included). Only the diagnosis's message leaves the run, never a
 * value. Pure apart from the output sink; shared by the kernel and the checker.
 */
import { CheckThrew, type CheckObserver } from "../grading/check-recorder";
import type { EvaluationRealm, OutputSink } from "./evaluate";
import { evaluateCells, runChecks, type CellPlotSink, type ChecksOutcome } from "./run-checks";
import type { CellError, CheckSource, LessonPayload, SourceCell } from "./types";

/** A diagnosis as the kernel receives it: the variant replaces the cell of exercise `exerciseId`. */
export interface DiagnosisSource {
  id: string;
  exerciseId: string;
  message: string;
  code: string;
}

/** A diagnosis that fired: what the learner is told. */
export interface DiagnosisFinding {
  id: string;
  message: string;
}

/** The raw result of one check call, in call order; `tolerance` is the check's absolute tolerance, if numeric. */
export interface Observation {
  got: unknown;
  tolerance?: number;
}

/** A checks run plus the diagnoses that fired (none when every check passed). */
export interface DiagnosedOutcome extends ChecksOutcome {
  diagnoses: DiagnosisFinding[];
}

/** Collects observations into `into`. */
export function observer(into: Observation[]): CheckObserver {
  return (got, tolerance) => into.push(tolerance === undefined ? { got } : { got, tolerance });
}

/** Runs `checks` on `cells` (quietly) and returns every check's raw result, or null when the lesson's setup fails. */
export function observeChecks(
  lesson: LessonPayload,
  cells: readonly SourceCell[],
  checks: readonly CheckSource[],
  realm?: EvaluationRealm,
): { observations: Observation[]; failed: boolean; errors: CellError[] } | null {
  const { evaluator, setupFailed, errors } = evaluateCells(lesson, cells, () => undefined, undefined, realm);
  if (setupFailed) return null;
  const observations: Observation[] = [];
  const { verdicts } = evaluator.runChecks(checks, observer(observations));
  return { observations, failed: verdicts.some((v) => !v.passed), errors };
}

/** `cells` with the exercise's cell replaced by the diagnosis's variant. */
export function withVariant(cells: readonly SourceCell[], diagnosis: DiagnosisSource): SourceCell[] {
  return cells.map((cell) => (cell.id === diagnosis.exerciseId ? { id: cell.id, code: diagnosis.code } : cell));
}

/** True when two runs of the same checks gave the same results, each number within its check's tolerance. */
export function observationsAgree(a: readonly Observation[], b: readonly Observation[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  return a.every((obs, i) => valuesAgree(obs.got, b[i].got, obs.tolerance ?? b[i].tolerance ?? 0));
}

function valuesAgree(a: unknown, b: unknown, tol: number): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (Object.is(a, b)) return true;
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return Math.abs(a - b) <= Math.max(tol, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
  }
  if (a instanceof CheckThrew || b instanceof CheckThrew) {
    return a instanceof CheckThrew && b instanceof CheckThrew && a.message === b.message;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b);
  const listA = ArrayBuffer.isView(a) ? Array.from(a as unknown as ArrayLike<unknown>) : a;
  const listB = ArrayBuffer.isView(b) ? Array.from(b as unknown as ArrayLike<unknown>) : b;
  if (Array.isArray(listA) !== Array.isArray(listB)) return false;
  const keysA = Object.keys(listA);
  const keysB = Object.keys(listB);
  if (keysA.length !== keysB.length) return false;
  const recA = listA as Record<string, unknown>;
  const recB = listB as Record<string, unknown>;
  return keysA.every((key) => key in recB && valuesAgree(recA[key], recB[key], tol));
}

/** The diagnoses whose variants agree with the learner's `observations`, tried until `deadline` (ms, `now()` clock). */
export function diagnose(
  lesson: LessonPayload,
  cells: readonly SourceCell[],
  checks: readonly CheckSource[],
  diagnoses: readonly DiagnosisSource[],
  observations: readonly Observation[],
  clock: { now(): number; deadline: number } = { now: () => 0, deadline: Infinity },
  realm?: EvaluationRealm,
): DiagnosisFinding[] {
  const found: DiagnosisFinding[] = [];
  for (const diagnosis of diagnoses) {
    if (clock.now() > clock.deadline) break;
    const variant = observeChecks(lesson, withVariant(cells, diagnosis), checks, realm);
    if (variant && observationsAgree(observations, variant.observations)) {
      found.push({ id: diagnosis.id, message: diagnosis.message });
    }
  }
  return found;
}

/** A checks run that, when a check fails, also tries the exercise's diagnoses (see `diagnose`). */
export function runChecksWithDiagnoses(
  lesson: LessonPayload,
  cells: readonly SourceCell[],
  checks: readonly CheckSource[],
  diagnoses: readonly DiagnosisSource[],
  sinks: { onOutput: OutputSink; onPlot?: CellPlotSink },
  clock?: { now(): number; deadline: number },
  realm?: EvaluationRealm,
): DiagnosedOutcome {
  const observations: Observation[] = [];
  const outcome = runChecks(lesson, cells, checks, sinks.onOutput, sinks.onPlot, observer(observations), realm);
  const failed = outcome.verdicts.some((v) => !v.passed);
  if (!failed || diagnoses.length === 0) return { ...outcome, diagnoses: [] };
  return { ...outcome, diagnoses: diagnose(lesson, cells, checks, diagnoses, observations, clock, realm) };
}
