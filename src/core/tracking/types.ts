/**
 * Records kept in IndexedDB. Every record carries `schemaVersion`.
 * DO NOT CHANGE THE SHAPE OF A STORED RECORD WITHOUT BUMPING ITS SCHEMA VERSION
 * AND ADDING A MIGRATION (src/core/tracking/migrations.ts).
 */
import type { CheckVerdict } from "../grading/types";
import type { BackendReport, ImplementationResult, RunId } from "../kernel/protocol";

export const DRAFT_SCHEMA_VERSION = 1;
export const PROGRESS_SCHEMA_VERSION = 1;
export const RUN_SCHEMA_VERSION = 1;
export const SETTINGS_SCHEMA_VERSION = 1;

/** The learner's current code of one exercise. Key: `[lessonId, exerciseId]`. */
export interface DraftRecord {
  schemaVersion: typeof DRAFT_SCHEMA_VERSION;
  lessonId: string;
  exerciseId: string;
  code: string;
  /** Code the learner had before `Show solution` replaced it, so it stays recoverable. */
  previousCode?: string;
  /** Number of hint tiers revealed so far. */
  hintsRevealed: number;
  updatedAt: string;
}

/** The last checks run of one exercise. Key: `[lessonId, exerciseId]`. */
export interface ProgressRecord {
  schemaVersion: typeof PROGRESS_SCHEMA_VERSION;
  lessonId: string;
  exerciseId: string;
  verdicts: CheckVerdict[];
  allPassed: boolean;
  /** True once all checks have passed at least once. */
  everPassed: boolean;
  /** Whether the learner looked at the solution before passing. */
  solutionShown: boolean;
  updatedAt: string;
}

/** What the browser and app were when a run happened. */
export interface EnvironmentSnapshot {
  userAgent: string;
  hardwareConcurrency: number;
  deviceMemoryGiB?: number;
  crossOriginIsolated: boolean;
  appVersion: string;
  appCommit: string;
}

/** One tracked experiment run. Key: `runId`. */
export interface RunRecord {
  schemaVersion: typeof RUN_SCHEMA_VERSION;
  runId: RunId;
  /** ISO 8601 time the run finished. */
  createdAt: string;
  lessonId: string;
  experimentId: string;
  seed: number;
  split: { test: number; seed: number };
  dataset: { id: string; version: number; sha256: string };
  /** The learner's code of all exercise cells, joined in lesson order, and its SHA-256. */
  code: { text: string; sha256: string };
  params: Record<string, number>;
  backend: BackendReport;
  environment: EnvironmentSnapshot;
  implementations: ImplementationResult[];
  maxAbsThetaDiff: number;
  timings: { totalMs: number };
  memory?: { numTensors: number; numBytes: number };
}

export interface SettingsRecord {
  schemaVersion: typeof SETTINGS_SCHEMA_VERSION;
  key: "settings";
  backend: "auto" | "webgpu" | "wasm" | "cpu";
}
