/**
 * Builds the stored records (drafts, progress, runs) from what a lesson page
 * knows, and the rules that decide their fields (e.g. "ever passed"). Pure:
 * the caller passes the time, so the same inputs give the same record.
 */
import {
  DRAFT_SCHEMA_VERSION,
  PROGRESS_SCHEMA_VERSION,
  RUN_SCHEMA_VERSION,
  type DraftRecord,
  type EnvironmentSnapshot,
  type ProgressRecord,
  type RunRecord,
} from "./types";

/** A run's id, as stored in its record. */
export type RunRecordId = RunRecord["runId"];

/** A fresh, random run id (a UUID v4); `uuid` is for tests. */
export function newRunId(uuid: () => string = () => crypto.randomUUID()): RunRecordId {
  return uuid() as RunRecordId;
}

/** The learner's current code of one exercise, as saved while they type. `now` is an ISO 8601 time. */
export function buildDraftRecord(args: {
  lessonId: string;
  exerciseId: string;
  code: string;
  previousCode?: string;
  hintsRevealed: number;
  now: string;
  lessonVersion?: number;
  starter?: string;
}): DraftRecord {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    lessonId: args.lessonId,
    exerciseId: args.exerciseId,
    code: args.code,
    previousCode: args.previousCode,
    hintsRevealed: args.hintsRevealed,
    updatedAt: args.now,
    ...(args.lessonVersion !== undefined && { lessonVersion: args.lessonVersion }),
    ...(args.starter !== undefined && { starter: args.starter }),
  };
}

/**
 * The progress of one exercise after a checks run. `allPassed` is this run's
 * result; `everPassed` stays true once any run passed every check, so a later
 * failing run (the learner keeps editing) does not take the exercise back
 * from "done". `previous` is the exercise's progress before this run, if any.
 */
export function buildProgressRecord(args: {
  lessonId: string;
  exerciseId: string;
  verdicts: ProgressRecord["verdicts"];
  solutionShown: boolean;
  previous?: Pick<ProgressRecord, "everPassed">;
  now: string;
  lessonVersion?: number;
}): ProgressRecord {
  const allPassed = args.verdicts.every((verdict) => verdict.passed);
  return {
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    lessonId: args.lessonId,
    exerciseId: args.exerciseId,
    verdicts: args.verdicts,
    allPassed,
    everPassed: allPassed || Boolean(args.previous?.everPassed),
    solutionShown: args.solutionShown,
    updatedAt: args.now,
    ...(args.lessonVersion !== undefined && { lessonVersion: args.lessonVersion }),
  };
}

/** A learner cell as sent to the kernel: its exercise id and code. */
export interface LearnerCell {
  id: string;
  code: string;
}

/** The code text stored with a run: every exercise cell, in lesson order, each under a header line. */
export function runCodeText(cells: readonly LearnerCell[]): string {
  return cells.map((cell) => `// --- cell ${cell.id} ---\n${cell.code}`).join("\n\n");
}

/** What a finished experiment reports that the run record keeps. */
export interface ExperimentOutcome {
  backend: RunRecord["backend"];
  implementations: RunRecord["implementations"];
  maxAbsThetaDiff: number;
  totalMs: number;
  memory?: { numTensors: number; numBytes: number };
  profile?: RunRecord["profile"];
}

/**
 * The tracked record of a finished experiment run: everything needed to
 * reproduce it (seed, split, params, dataset version and checksum, code and
 * its SHA-256, backend) and what it measured. `now` is the ISO 8601 time it finished.
 */
export function buildRunRecord(args: {
  runId: RunRecordId;
  lessonId: string;
  experiment: { id: string; spec: Pick<RunRecord, "seed" | "split" | "params"> };
  dataset: RunRecord["dataset"];
  code: RunRecord["code"];
  result: ExperimentOutcome;
  environment: EnvironmentSnapshot;
  now: string;
}): RunRecord {
  const { spec } = args.experiment;
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    runId: args.runId,
    createdAt: args.now,
    lessonId: args.lessonId,
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
    ...(args.result.profile ? { profile: args.result.profile } : {}),
  };
}
