/**
 * An experiment run: the learner's function and the tfjs reference get the same
 * inputs from the experiment's task (split, initial parameters,
 * hyper-parameters); both are then scored by the task's float64 harness.
 * The tfjs namespace and backend are injected, so this file imports no tfjs.
 */
import type { BackendReport } from "../backends/backend-choice";
import type { EvaluationRealm, Evaluator, OutputSink } from "../evaluation/evaluate";
import { locateRuntimeError } from "../evaluation/locate-error";
import { evaluateCells, type CellPlotSink } from "../evaluation/run-checks";
import type { CellError, LessonPayload, SourceCell } from "../evaluation/types";
import { toPlainData } from "../grading/plain-data";
import type { ExperimentSpec } from "../lesson/types";
import { maxAbsDiff } from "../ml/linalg";
import { findTask } from "./registry";
import type { ExperimentResult, ImplementationResult } from "./result-types";
import { lessonHooks } from "./lesson-hooks";
import type { LessonHooks, PreparedExperiment } from "./task-types";
import { profileReference, type ProfilerHooks } from "./profiled-reference";

/** What an experiment run needs: the lesson's share, the learner's cells, the spec and the tfjs reference cell. */
export interface ExperimentInput {
  lesson: LessonPayload;
  cells: readonly SourceCell[];
  experimentId: string;
  spec: ExperimentSpec;
  reference: SourceCell;
}

/** Where the reference runs: the injected tfjs namespace and backend, and the clocks of the run. */
export interface ReferenceEnvironment {
  /** The tfjs-core namespace handed to the reference function as its first argument. */
  tf: unknown;
  backend: BackendReport;
  memory(): { numTensors: number; numBytes: number };
  /** Milliseconds, monotonic. */
  now(): number;
  /** Profiling hooks of the kernel (kernel profile, JS heap, backend start-up paid). */
  profiler?: ProfilerHooks;
}

/** The result of a run, or the learner (or reference) error that stopped it. */
export type ExperimentOutcome = { ok: true; result: ExperimentResult } | { ok: false; error: CellError };

interface FitResult {
  /** Flattened parameters. */
  theta: number[];
  history: { step: number; loss: number }[];
}

type Fitting = (...args: unknown[]) => unknown;
type Found = { ok: true; cellId: string; fn: Fitting } | { ok: false; error: CellError };
type TimedFit = { ok: true; fit: FitResult; ms: number };

/** Runs one experiment; learner errors come back as a CellError, never thrown. */
export async function runExperiment(
  input: ExperimentInput,
  env: ReferenceEnvironment,
  onOutput: OutputSink,
  onPlot?: CellPlotSink,
  realm?: EvaluationRealm,
): Promise<ExperimentOutcome> {
  const started = env.now();
  const { evaluator, errors, setupFailed } = evaluateCells(input.lesson, input.cells, onOutput, onPlot, realm);
  if (setupFailed || errors.length > 0) return { ok: false, error: errors[0] };
  const learnerFound = findLearner(evaluator, input);
  if (!learnerFound.ok) return learnerFound;
  const prepared = prepareTask(input, lessonHooks(evaluator, input));
  const args = prepared.args;
  // Called as plain functions (no `this`), as the learner and the reference cell would call them.
  const learnerFn = learnerFound.fn;
  const returns = findTask(input.spec.task)?.returns ?? "fit";
  const learner = await timeFit(learnerFound.cellId, () => learnerFn(...args.map(copyArg)), env.now, returns);
  if (!learner.ok) return learner;
  const referenceFound = findReference(evaluator, input);
  if (!referenceFound.ok) return referenceFound;
  const referenceFn = referenceFound.fn;
  const {
    result: reference,
    profile,
    memoryAfter,
  } = await profileReference(
    (tf) => timeFit(input.reference.id, () => referenceFn(tf, ...args.map(copyArg)), env.now, returns),
    { tf: env.tf, now: env.now, memory: env.memory, hooks: env.profiler },
    (timed) => (timed.ok ? timed.ms : undefined),
  );
  if (!reference.ok) return reference;
  const result = { ...experimentResult(input, env, prepared, { learner, reference }, started), memory: memoryAfter };
  return { ok: true, result: profile ? { ...result, profile } : result };
}

/** The first learner cell that exports the spec's function, or an error on the first cell. */
function findLearner(evaluator: Evaluator, input: ExperimentInput): Found {
  const name = input.spec.learner;
  const cell = input.cells.find((c) => typeof evaluator.exportsOf(c.id)?.[name] === "function");
  if (cell) return { ok: true, cellId: cell.id, fn: evaluator.exportsOf(cell.id)![name] as Fitting };
  return {
    ok: false,
    error: {
      cellId: input.cells[0]?.id ?? input.experimentId,
      phase: "runtime",
      message: `Your code does not export a function named ${name}`,
    },
  };
}

/** The task's inputs for the spec's dataset. Throws when the dataset was not loaded or the task is unknown. */
function prepareTask(input: ExperimentInput, hooks: LessonHooks): PreparedExperiment {
  const { spec } = input;
  const dataset = input.lesson.datasets.find((d) => d.id === spec.dataset.id && d.version === spec.dataset.version);
  if (!dataset) throw new Error(`Dataset ${spec.dataset.id}@${spec.dataset.version} was not loaded`);
  const task = findTask(spec.task);
  if (!task) throw new Error(`Unknown experiment task "${spec.task}"`);
  return task.prepare(dataset, spec, hooks);
}

/** Evaluates the tfjs reference cell and finds its function of the learner's name. */
function findReference(evaluator: Evaluator, input: ExperimentInput): Found {
  const referenceModule = evaluator.runModule(input.reference);
  if (!referenceModule.ok) return referenceModule;
  const fn = referenceModule.exports[input.spec.learner] as Fitting;
  if (typeof fn === "function") return { ok: true, cellId: input.reference.id, fn };
  return {
    ok: false,
    error: {
      cellId: input.reference.id,
      phase: "runtime",
      message: `The tfjs cell does not export ${input.spec.learner}`,
    },
  };
}

/** Scores both fits with the task's float64 harness and assembles the result (total time measured now). */
function experimentResult(
  input: ExperimentInput,
  env: ReferenceEnvironment,
  prepared: PreparedExperiment,
  fits: { learner: TimedFit; reference: TimedFit },
  started: number,
): ExperimentResult {
  const { learner, reference } = fits;
  const implementations: ImplementationResult[] = [
    {
      name: "learner",
      ...learner.fit,
      metrics: prepared.score(learner.fit.theta),
      wallTimeMs: learner.ms,
      backend: "js",
    },
    {
      name: "reference",
      ...reference.fit,
      metrics: prepared.score(reference.fit.theta),
      wallTimeMs: reference.ms,
      backend: env.backend.used,
    },
  ];
  return {
    experimentId: input.experimentId,
    implementations,
    maxAbsThetaDiff: maxAbsDiff(learner.fit.theta, reference.fit.theta),
    backend: env.backend,
    initialTheta: prepared.initialTheta,
    trainRows: prepared.trainRows,
    testRows: prepared.testRows,
    plots: prepared.plots?.([
      { name: "your code", theta: learner.fit.theta },
      { name: "TensorFlow.js", theta: reference.fit.theta },
    ]),
    totalMs: env.now() - started,
    memory: env.memory(),
  };
}

function copyArg(arg: unknown): unknown {
  return typeof arg === "object" && arg !== null ? structuredClone(arg) : arg;
}

/** Parameters as one flat list of numbers (row-major for matrices). */
function flatten(theta: unknown): number[] {
  const out: number[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value) || ArrayBuffer.isView(value)) Array.from(value as ArrayLike<unknown>).forEach(visit);
    else out.push(Number(value));
  };
  visit(theta);
  return out;
}

async function timeFit(
  cellId: string,
  call: () => unknown,
  now: () => number,
  returns: "fit" | "predictions" = "fit",
): Promise<TimedFit | { ok: false; error: CellError }> {
  const start = now();
  let value: unknown;
  try {
    value = await call();
  } catch (thrown) {
    return { ok: false, error: locateRuntimeError(thrown, cellId) };
  }
  const ms = now() - start;
  // The harness scores a plain copy: no getter or Proxy of the returned value runs after this line.
  try {
    value = toPlainData(value);
    if (returns === "predictions") value = asFit(value);
  } catch (thrown) {
    return { ok: false, error: { cellId, phase: "runtime", message: `returned ${(thrown as Error).message}` } };
  }
  const problem = fitProblem(value);
  if (problem) return { ok: false, error: { cellId, phase: "runtime", message: problem } };
  const fit = value as FitResult;
  return {
    ok: true,
    ms,
    fit: { theta: flatten(fit.theta), history: fit.history.map((h) => ({ step: h.step, loss: h.loss })) },
  };
}

/** Predictions as a fit: the predictions are the "parameters" the harness scores; no history. Throws when not numbers. */
function asFit(value: unknown): FitResult {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value))
    throw new Error("should return an array of predictions, one per test row, got " + String(value));
  return { theta: flatten(value), history: [] };
}

/** Why a returned value is not `{ theta: number[], history: {step, loss}[] }`, or null. */
function fitProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "should return { theta, history }, got " + String(value);
  const { theta, history } = value as Partial<FitResult>;
  if (!Array.isArray(theta) && !ArrayBuffer.isView(theta))
    return "should return theta as an array of numbers (or of arrays of numbers)";
  if (!Array.isArray(history)) return "should return history as an array of { step, loss }";
  const bad = history.findIndex((h) => typeof h?.step !== "number" || typeof h?.loss !== "number");
  return bad >= 0 ? `history[${bad}] should be { step: number, loss: number }` : null;
}
