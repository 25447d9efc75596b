/**
 * Valid sample records for tests. Each call returns a fresh object, so tests
 * may mutate what they get. Not used by app code.
 */
import type { DraftRecord, ProgressRecord, RunId, RunRecord } from "./types";
import { RUN_SCHEMA_VERSION } from "./types";

/** SHA-256 of the empty string, a valid lowercase hex digest. */
export const SAMPLE_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * A complete, valid run of a linear-regression experiment (learner vs
 * reference on wasm). `overrides` replace top-level fields (shallow).
 */
export function sampleRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    runId: "run-0001" as RunId,
    createdAt: "2026-11-03T10:00:00.000Z",
    lessonId: "linear-regression",
    experimentId: "gradient-descent",
    seed: 42,
    split: { test: 0.2, seed: 7 },
    dataset: { id: "ex1-lookalike", version: 1, sha256: SAMPLE_SHA256 },
    code: { text: "function computeCost(X, y, theta) {\n  return 0;\n}\n", sha256: SAMPLE_SHA256 },
    params: { alpha: 0.01, iterations: 1500 },
    backend: {
      requested: "auto",
      used: "wasm",
      skipped: [{ backend: "webgpu", reason: "navigator.gpu.requestAdapter() returned null" }],
      threads: 1,
      tfjsVersion: "4.22.0",
    },
    environment: {
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
      hardwareConcurrency: 2,
      crossOriginIsolated: true,
      appVersion: "0.1.0",
      appCommit: "abc1234",
    },
    implementations: [
      {
        name: "learner",
        theta: [-3.63, 1.17],
        history: [
          { step: 0, loss: 32.07 },
          { step: 1500, loss: 4.48 },
        ],
        metrics: { trainCost: 4.48, testCost: 4.9 },
        wallTimeMs: 12.5,
        backend: "js",
      },
      {
        name: "reference",
        theta: [-3.63, 1.17],
        history: [
          { step: 0, loss: 32.07 },
          { step: 1500, loss: 4.48 },
        ],
        metrics: { trainCost: 4.48, testCost: 4.9 },
        wallTimeMs: 40.1,
        backend: "wasm",
      },
    ],
    maxAbsThetaDiff: 1e-6,
    timings: { totalMs: 120.4 },
    memory: { numTensors: 0, numBytes: 0 },
    ...overrides,
  };
}

/** A valid draft of exercise `compute-cost` in lesson `linear-regression`; shallow overrides. */
export function sampleDraft(overrides: Partial<DraftRecord> = {}): DraftRecord {
  return {
    schemaVersion: 1,
    lessonId: "linear-regression",
    exerciseId: "compute-cost",
    code: "function computeCost(X, y, theta) {\n  return 0;\n}\n",
    hintsRevealed: 0,
    updatedAt: "2026-11-03T09:00:00.000Z",
    ...overrides,
  };
}

/** A valid progress record (one passing check) of `compute-cost`; shallow overrides. */
export function sampleProgress(overrides: Partial<ProgressRecord> = {}): ProgressRecord {
  return {
    schemaVersion: 1,
    lessonId: "linear-regression",
    exerciseId: "compute-cost",
    verdicts: [
      { name: "cost at theta = [0, 0]", passed: true, expected: "32.07", got: "32.07", tolerance: 0.01, hidden: false },
    ],
    allPassed: true,
    everPassed: true,
    solutionShown: false,
    updatedAt: "2026-11-03T09:30:00.000Z",
    ...overrides,
  };
}

/** A shallow copy of `record` without `keys`, to build records with missing fields. */
export function withoutFields(record: object, ...keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}
