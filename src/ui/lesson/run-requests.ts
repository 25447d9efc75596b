/** Builds kernel requests from the lesson and the learner's current code. Pure but for the fresh run id. */
import { checkSourcesOf, diagnosisSourcesOf } from "../../core/evaluation/check-sources";
import type { BackendChoice } from "../../core/backends/backend-choice";
import type { SourceCell } from "../../core/evaluation/types";
import type { RunChecksRequest, RunExperimentRequest } from "../../core/protocol/protocol";
import type { ExperimentCell, Lesson } from "../../core/lesson/types";
import type { LoadedDataset } from "../../core/ml/dataset-types";
import { newRunId } from "../../core/tracking/record-builders";

/** The learner's code of every exercise, in lesson order: a run always evaluates all of it. */
export function learnerCells(lesson: Lesson, codeOf: (exerciseId: string) => string): SourceCell[] {
  return lesson.exercises.map((exercise) => ({ id: exercise.id, code: codeOf(exercise.id) }));
}

export function checksRequest(
  lesson: Lesson,
  exerciseId: string,
  cells: SourceCell[],
  datasets: LoadedDataset[],
): RunChecksRequest {
  const exercise = lesson.exercises.find((e) => e.id === exerciseId)!;
  const checks = checkSourcesOf(exercise).map(({ id, code, hidden }) => ({ id, code, hidden }));
  return {
    kind: "run-checks",
    runId: newRunId(),
    lesson: { setup: lesson.setup, datasets },
    cells,
    checks,
    diagnoses: diagnosisSourcesOf(exercise),
    // Diagnoses never cost the learner their verdicts: past half the time limit, none is tried.
    diagnosisBudgetMs: lesson.meta.timeLimitMs / 2,
  };
}

export function experimentRequest(
  lesson: Lesson,
  experiment: ExperimentCell,
  cells: SourceCell[],
  datasets: LoadedDataset[],
  backend: BackendChoice,
): RunExperimentRequest {
  const reference = lesson.references.find((r) => r.id === experiment.spec.reference)!;
  return {
    kind: "run-experiment",
    runId: newRunId(),
    lesson: { setup: lesson.setup, datasets },
    cells,
    experimentId: experiment.id,
    spec: experiment.spec,
    reference: { id: reference.id, code: reference.code },
    backend,
  };
}
