/**
 * What a run record keeps so that it can be replayed from the record alone,
 * built from the lesson and the request that ran; and the reverse, the parts
 * of a kernel request rebuilt from a record. Pure (hashing is the caller's).
 */
import type { ExperimentSpec, Lesson } from "../lesson/types";
import { lessonFingerprintText } from "./replay";
import type { ReplayInputs, StoredSourceCell } from "./run-extras";
import type { RunRecord } from "./types";

/** The spec a run depends on: `controls` only say how a learner may change params, so they are left out. */
export function runSpecOf(spec: ExperimentSpec): Omit<ExperimentSpec, "controls"> {
  const rest: ExperimentSpec = { ...spec };
  delete rest.controls;
  return rest;
}

/**
 * The lesson parts one experiment depends on, as text: setup, its reference,
 * its spec as the lesson states it (a sweep changes a run's params, not the
 * lesson) and every check. Null when the lesson has no such experiment.
 */
export function lessonFingerprintOf(lesson: Lesson, experimentId: string): string | null {
  const experiment = lesson.experiments.find((e) => e.id === experimentId);
  if (!experiment) return null;
  const reference = lesson.references.find((r) => r.id === experiment.spec.reference);
  if (!reference) return null;
  return lessonFingerprintText({
    setup: lesson.setup.map(({ id, code }) => ({ id, code })),
    reference: { id: reference.id, code: reference.code },
    spec: runSpecOf(experiment.spec),
    checks: lesson.exercises.flatMap((exercise) => exercise.checks),
  });
}

/** The replay inputs of a run of `spec` with the learner's `cells`; `lessonSha256` hashes `lessonFingerprintOf`. */
export function buildReplayInputs(args: {
  lesson: Lesson;
  spec: ExperimentSpec;
  cells: readonly StoredSourceCell[];
  reference: StoredSourceCell;
  lessonSha256: string;
}): ReplayInputs {
  return {
    cells: args.cells.map(({ id, code }) => ({ id, code })),
    setup: args.lesson.setup.map(({ id, code }) => ({ id, code })),
    reference: { id: args.reference.id, code: args.reference.code },
    spec: { ...runSpecOf(args.spec), dataset: { id: args.spec.dataset.id, version: args.spec.dataset.version } },
    lesson: { formatVersion: args.lesson.meta.formatVersion, sha256: args.lessonSha256 },
  };
}

/** The experiment spec of a recorded run, typed as the kernel expects (the task is checked by the worker). */
export function recordedSpec(run: RunRecord): ExperimentSpec | null {
  return run.replay ? (run.replay.spec as ExperimentSpec) : null;
}
