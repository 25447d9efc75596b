/**
 * A checks run: lesson setup, then every learner cell in lesson order, then the
 * checks of one exercise. Pure apart from the output sink; shared by the
 * kernel worker and Node tools.
 */
import type { CheckObserver } from "../grading/check-recorder";
import type { CheckVerdict } from "../grading/types";
import type { PlotSpec } from "../plot/plot-types";
import { createEvaluator, type EvaluationRealm, type Evaluator, type OutputSink } from "./evaluate";
import { createLearnerApi } from "./learner-api";
import type { CellError, CheckSource, LessonPayload, SourceCell } from "./types";

/** Receives plots with the id of the cell (or check) being evaluated when they were drawn. */
export type CellPlotSink = (cellId: string, plot: PlotSpec) => void;

export interface ChecksOutcome {
  verdicts: CheckVerdict[];
  /** Errors of learner cells, setup or check cells, each attributed to its cell. */
  errors: CellError[];
}

/** Evaluates setup and learner cells into a fresh evaluator; returns it and the errors met. */
export function evaluateCells(
  lesson: LessonPayload,
  cells: readonly SourceCell[],
  onOutput: OutputSink,
  onPlot: CellPlotSink = () => undefined,
  realm?: EvaluationRealm,
): { evaluator: Evaluator; errors: CellError[]; setupFailed: boolean } {
  const api = createLearnerApi(lesson.datasets, (plot) => {
    if (evaluator.showsOutput()) onPlot(evaluator.currentCellId(), plot);
  });
  const evaluator = createEvaluator({ modules: { lesson: api }, onOutput, realm });
  const errors: CellError[] = [];
  for (const cell of lesson.setup) {
    const outcome = evaluator.runModule(cell);
    if (!outcome.ok) return { evaluator, errors: [outcome.error], setupFailed: true };
  }
  for (const cell of cells) {
    const outcome = evaluator.runModule(cell);
    if (!outcome.ok) errors.push(outcome.error);
  }
  return { evaluator, errors, setupFailed: false };
}

/** Runs the checks of one exercise from a clean state; `observe` sees each check's raw value. */
export function runChecks(
  lesson: LessonPayload,
  cells: readonly SourceCell[],
  checks: readonly CheckSource[],
  onOutput: OutputSink,
  onPlot?: CellPlotSink,
  observe?: CheckObserver,
  realm?: EvaluationRealm,
): ChecksOutcome {
  const { evaluator, errors, setupFailed } = evaluateCells(lesson, cells, onOutput, onPlot, realm);
  if (setupFailed) {
    const message = `The lesson's setup code failed: ${errors[0].message}. This is a problem in the lesson file, not in your code.`;
    return {
      verdicts: [{ name: "lesson setup", passed: false, expected: "", got: "", message, hidden: false }],
      errors,
    };
  }
  const checked = evaluator.runChecks(checks, observe);
  return { verdicts: checked.verdicts, errors: [...errors, ...checked.errors] };
}
