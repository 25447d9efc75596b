/** Builds kernel requests and run records from the lesson and the learner's current code. Pure. */
import type { BackendChoice } from "../../core/backends/backend-choice";
import { checkSourcesOf } from "../../core/evaluation/check-sources";
import type { SourceCell } from "../../core/evaluation/types";
import type { ExperimentResult } from "../../core/experiments/result-types";
import type { RunChecksRequest, RunExperimentRequest } from "../../core/protocol/protocol";
import type { ExperimentCell, Lesson } from "../../core/lesson/types";
import type { LoadedDataset } from "../../core/ml/dataset-types";
import type { EnvironmentSnapshot, RunId, RunRecord } from "../../core/tracking/types";
import { RUN_SCHEMA_VERSION } from "../../core/tracking/types";

export const newRunId = (): RunId => crypto.randomUUID() as RunId;

/** The learner's code of every exercise, in lesson order: a run always evaluates all of it. */
export function learnerCells(lesson: Lesson, codeOf: (exerciseId: string) => string): SourceCell[] {
  return lesson.exercises.map((exercise) => ({ id: exercise.id, code: codeOf(exercise.id) }));
}

/** The text stored with a run: every exercise cell, each under a header line. */
export function learnerCodeText(cells: readonly SourceCell[]): string {
  return cells.map((cell) => `// --- cell ${cell.id} ---\n${cell.code}`).join("\n\n");
}

export function checksRequest(
  lesson: Lesson,
  exerciseId: string,
  cells: SourceCell[],
  datasets: LoadedDataset[],
): RunChecksRequest {
  const exercise = lesson.exercises.find((e) => e.id === exerciseId)!;
  const checks = checkSourcesOf(exercise).map(({ id, code, hidden }) => ({ id, code, hidden }));
  return { kind: "run-checks", runId: newRunId(), lesson: { setup: lesson.setup, datasets }, cells, checks };
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

/** The tracked record of a finished experiment run. */
export function runRecord(args: {
  runId: RunId;
  lesson: Lesson;
  experiment: ExperimentCell;
  dataset: LoadedDataset;
  code: { text: string; sha256: string };
  result: ExperimentResult;
  environment: EnvironmentSnapshot;
}): RunRecord {
  const { spec } = args.experiment;
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    runId: args.runId,
    createdAt: new Date().toISOString(),
    lessonId: args.lesson.meta.id,
    experimentId: args.experiment.id,
    seed: spec.seed,
    split: spec.split,
    dataset: { id: args.dataset.id, version: args.dataset.version, sha256: args.dataset.sha256 },
    code: args.code,
    params: spec.params,
    backend: args.result.backend,
    environment: args.environment,
    implementations: args.result.implementations,
    maxAbsThetaDiff: args.result.maxAbsThetaDiff,
    timings: { totalMs: args.result.totalMs },
    ...(args.result.memory ? { memory: args.result.memory } : {}),
  };
}
