/**
 * An experiment run: the learner's function and the tfjs reference get the same
 * inputs from the experiment's task (split, initial parameters,
 * hyper-parameters); both are then scored by the task's float64 harness.
 * The tfjs namespace and backend are injected, so this file imports no tfjs.
 */
import { maxAbsDiff } from "../ml/linalg";
import { findTask } from "../ml/tasks/registry";
import type { ExperimentSpec } from "../lesson/types";
import { toPlainData } from "../grading/plain-data";
import type { EvaluationRealm, OutputSink } from "./evaluate";
import { locateRuntimeError } from "./locate-error";
import { evaluateCells, type CellPlotSink } from "./run-checks";
import type {
  BackendReport,
  CellError,
  ExperimentResult,
  ImplementationResult,
  LessonPayload,
  SourceCell,
} from "./protocol";

export interface ExperimentInput {
  lesson: LessonPayload;
  cells: readonly SourceCell[];
  experimentId: string;
  spec: ExperimentSpec;
  reference: SourceCell;
}

export interface ReferenceEnvironment {
  /** The tfjs-core namespace handed to the reference function as its first argument. */
  tf: unknown;
  backend: BackendReport;
  memory(): { numTensors: number; numBytes: number };
  /** Milliseconds, monotonic. */
  now(): number;
}

export type ExperimentOutcome = { ok: true; result: ExperimentResult } | { ok: false; error: CellError };

interface FitResult {
  /** Flattened parameters. */
  theta: number[];
  history: { step: number; loss: number }[];
}

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
  const learnerCell = input.cells.find(
    (cell) => typeof evaluator.exportsOf(cell.id)?.[input.spec.learner] === "function",
  );
  if (!learnerCell) {
    return {
      ok: false,
      error: {
        cellId: input.cells[0]?.id ?? input.experimentId,
        phase: "runtime",
        message: `Your code does not export a function named ${input.spec.learner}`,
      },
    };
  }
  const dataset = input.lesson.datasets.find(
    (d) => d.id === input.spec.dataset.id && d.version === input.spec.dataset.version,
  );
  if (!dataset) throw new Error(`Dataset ${input.spec.dataset.id}@${input.spec.dataset.version} was not loaded`);
  const task = findTask(input.spec.task);
  if (!task) throw new Error(`Unknown experiment task "${input.spec.task}"`);
  const prepared = task.prepare(dataset, input.spec);
  const args = prepared.args;

  const learnerFn = evaluator.exportsOf(learnerCell.id)![input.spec.learner] as (...a: unknown[]) => unknown;
  const learner = await timeFit(learnerCell.id, () => learnerFn(...args.map(copyArg)), env.now);
  if (!learner.ok) return learner;

  const referenceModule = evaluator.runModule(input.reference);
  if (!referenceModule.ok) return referenceModule;
  const referenceFn = referenceModule.exports[input.spec.learner] as (...a: unknown[]) => unknown;
  if (typeof referenceFn !== "function") {
    return {
      ok: false,
      error: {
        cellId: input.reference.id,
        phase: "runtime",
        message: `The tfjs cell does not export ${input.spec.learner}`,
      },
    };
  }
  const reference = await timeFit(input.reference.id, () => referenceFn(env.tf, ...args.map(copyArg)), env.now);
  if (!reference.ok) return reference;

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
  const result: ExperimentResult = {
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
  return { ok: true, result };
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
): Promise<{ ok: true; fit: FitResult; ms: number } | { ok: false; error: CellError }> {
  const start = now();
  let value: unknown;
  try {
    value = await call();
  } catch (thrown) {
    return { ok: false, error: locateRuntimeError(thrown, cellId) };
  }
  const ms = now() - start;
  // The harness scores a plain copy: no getter or Proxy of the returned value runs after this line.
  let plain: unknown;
  try {
    plain = toPlainData(value);
  } catch (thrown) {
    return { ok: false, error: { cellId, phase: "runtime", message: `returned ${(thrown as Error).message}` } };
  }
  const problem = fitProblem(plain);
  if (problem) return { ok: false, error: { cellId, phase: "runtime", message: problem } };
  const fit = plain as FitResult;
  return {
    ok: true,
    ms,
    fit: { theta: flatten(fit.theta), history: fit.history.map((h) => ({ step: h.step, loss: h.loss })) },
  };
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
