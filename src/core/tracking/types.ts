/**
 * Records kept in IndexedDB. Every record carries `schemaVersion`.
 * DO NOT CHANGE THE SHAPE OF A STORED RECORD WITHOUT BUMPING ITS SCHEMA VERSION
 * AND ADDING A MIGRATION (src/core/tracking/migrations.ts).
 */
import type { RunExtras } from "./run-extras";

/**
 * A run's id (a UUID), the key of its run record. The kernel request that
 * produced an experiment run carries the same id.
 */
export type RunId = string & { readonly __brand: "RunId" };

export const DRAFT_SCHEMA_VERSION = 1;
export const PROGRESS_SCHEMA_VERSION = 1;
/** 2 added the optional replay inputs, `replayOf`, `sweep`, `tags`, `note` and `artifactIds` (see run-extras.ts). */
export const RUN_SCHEMA_VERSION = 2;
export const SETTINGS_SCHEMA_VERSION = 1;

/*
 * The stored shapes below are written out here, not imported from the kernel
 * protocol, grading or core/backends: an edit there must not change what is
 * stored. stored-types.test.ts fails when the two drift apart, so that a
 * change is made here on purpose, with a schema version and a migration.
 */

/** Backend choices a stored record may name (`auto` = best available). */
export const STORED_BACKEND_CHOICES = ["auto", "webgpu", "wasm", "cpu"] as const;
/** Backends a stored record may say were used. */
export const STORED_BACKEND_NAMES = ["webgpu", "wasm", "cpu"] as const;
/** Where a stored run's kernel may say it ran. */
export const STORED_KERNEL_HOSTS = ["frame", "page"] as const;

/** One check's verdict as stored (the shape of grading's `CheckVerdict`). */
export interface StoredCheckVerdict {
  name: string;
  passed: boolean;
  expected: string;
  got: string;
  tolerance?: number;
  message?: string;
  hidden: boolean;
}

/** The backend a run asked for and used, as stored (the shape of core/backends' `BackendReport`). */
export interface StoredBackendReport {
  requested: (typeof STORED_BACKEND_CHOICES)[number];
  used: (typeof STORED_BACKEND_NAMES)[number];
  /** Why each better backend was skipped, in the order tried. */
  skipped: { backend: (typeof STORED_BACKEND_NAMES)[number]; reason: string }[];
  /** WASM thread count actually in use, when the backend is wasm. */
  threads?: number;
  /** WebGPU adapter description, when one was found. */
  adapter?: { vendor: string; architecture: string; description: string; isFallbackAdapter: boolean };
  tfjsVersion: string;
  /** Where the kernel ran: the sandboxed frame or a worker of the page (optional, added later). */
  kernelHost?: (typeof STORED_KERNEL_HOSTS)[number];
  /** For `auto`: each backend's estimated ms for this experiment and why the used one won (optional, added later). */
  auto?: {
    estimates: { backend: (typeof STORED_BACKEND_NAMES)[number]; ms: number; threads?: number }[];
    reason: string;
  };
}

/** What a run's tfjs reference cost, as stored (the shape of experiments' `RunProfile`); optional, added later. */
export interface StoredRunProfile {
  backendInitMs: number;
  firstStepMs: number;
  steadyMs: number;
  steps?: { count: number; p50: number; p90: number; p99: number; max: number };
  peakTensors: number;
  peakBytes: number;
  topKernels?: { name: string; ms: number; calls: number }[];
  kernelsNote?: string;
  jsHeapBytes?: number;
  leakedTensors: number;
}

/** One implementation's outcome in a run, as stored (the shape of experiments' `ImplementationResult`). */
export interface StoredImplementationResult {
  name: "learner" | "reference";
  /** Final parameters, flattened. */
  theta: number[];
  /** Loss by step, as the implementation reported it. */
  history: { step: number; loss: number }[];
  /** Float64 metrics of the final parameters, e.g. `{ trainCost, testCost }`. */
  metrics: Record<string, number>;
  wallTimeMs: number;
  /** Backend that ran it: "js" for the learner's plain JavaScript. */
  backend: (typeof STORED_BACKEND_NAMES)[number] | "js";
}

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
  /** The lesson version the draft was written for (absent in drafts saved before lessons had versions). */
  lessonVersion?: number;
  /** The exercise's starter code in that version, the base a later version's starter is compared with. */
  starter?: string;
}

/** The last checks run of one exercise. Key: `[lessonId, exerciseId]`. */
export interface ProgressRecord {
  schemaVersion: typeof PROGRESS_SCHEMA_VERSION;
  lessonId: string;
  exerciseId: string;
  verdicts: StoredCheckVerdict[];
  allPassed: boolean;
  /** True once all checks have passed at least once. */
  everPassed: boolean;
  /** Whether the learner looked at the solution before passing. */
  solutionShown: boolean;
  updatedAt: string;
  /** The lesson version of the last checks run (absent in records saved before lessons had versions). */
  lessonVersion?: number;
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
export interface RunRecord extends RunExtras {
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
  backend: StoredBackendReport;
  environment: EnvironmentSnapshot;
  implementations: StoredImplementationResult[];
  maxAbsThetaDiff: number;
  timings: { totalMs: number };
  memory?: { numTensors: number; numBytes: number };
  /** Cost profile of the tfjs reference (records made before it was added have none). */
  profile?: StoredRunProfile;
}

/** The learner's settings (one record). Key: `"settings"`. */
export interface SettingsRecord {
  schemaVersion: typeof SETTINGS_SCHEMA_VERSION;
  key: "settings";
  backend: (typeof STORED_BACKEND_CHOICES)[number];
}
