/**
 * Zod schemas of the stored records in `types.ts`, and validators that turn a
 * zod failure into readable issues naming the field ("backend.used: ...").
 * Pure: no I/O, inputs are never mutated. Objects are strict, so a field this
 * app does not know is reported instead of silently dropped on the next save.
 */
import { z } from "zod";
import { runExtrasShape } from "./run-extras";
import type { DraftRecord, ProgressRecord, RunId, RunRecord, SettingsRecord, StoredCheckVerdict } from "./types";
import {
  DRAFT_SCHEMA_VERSION,
  PROGRESS_SCHEMA_VERSION,
  RUN_SCHEMA_VERSION,
  SETTINGS_SCHEMA_VERSION,
  STORED_BACKEND_CHOICES,
  STORED_BACKEND_NAMES,
} from "./types";

/** Outcome of validating one record: the typed record, or readable issues. */
export type ValidationResult<T> = { ok: true; record: T } | { ok: false; issues: string[] };

/** ISO 8601 date-time with `Z` or an offset, e.g. `2026-11-03T10:00:00.000Z`. */
const isoDateTime = z.iso.datetime({ offset: true, message: "expected an ISO 8601 date-time" });
const nonEmpty = z.string().min(1, "expected a non-empty string");
const finite = z.number();
const count = z.number().int().nonnegative();
/** Lowercase hex SHA-256 digest, 64 characters. */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex SHA-256 (64 characters)");
/**
 * A number that may be NaN or +-Infinity: losses, parameters and metrics of a
 * diverging run (learning rate too high) must still be recorded.
 */
const anyNumber = z.custom<number>((value) => typeof value === "number", {
  message: "expected a number",
});
const runId = z.custom<RunId>((value) => typeof value === "string" && value.length > 0, {
  message: "expected a non-empty run id",
});

/** Schema of one stored check verdict (`StoredCheckVerdict`). */
export const checkVerdictSchema = z.strictObject({
  name: z.string(),
  passed: z.boolean(),
  expected: z.string(),
  got: z.string(),
  tolerance: finite.nonnegative().optional(),
  message: z.string().optional(),
  hidden: z.boolean(),
}) satisfies z.ZodType<StoredCheckVerdict>;

/** Schema of `DraftRecord` at `DRAFT_SCHEMA_VERSION`. */
export const draftSchema = z.strictObject({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  lessonId: nonEmpty,
  exerciseId: nonEmpty,
  code: z.string(),
  previousCode: z.string().optional(),
  hintsRevealed: count,
  updatedAt: isoDateTime,
});

/** Schema of `ProgressRecord` at `PROGRESS_SCHEMA_VERSION`. */
export const progressSchema = z.strictObject({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  lessonId: nonEmpty,
  exerciseId: nonEmpty,
  verdicts: z.array(checkVerdictSchema),
  allPassed: z.boolean(),
  everPassed: z.boolean(),
  solutionShown: z.boolean(),
  updatedAt: isoDateTime,
});

const backendReportSchema = z.strictObject({
  requested: z.enum(STORED_BACKEND_CHOICES),
  used: z.enum(STORED_BACKEND_NAMES),
  skipped: z.array(z.strictObject({ backend: z.enum(STORED_BACKEND_NAMES), reason: z.string() })),
  threads: count.optional(),
  adapter: z
    .strictObject({
      vendor: z.string(),
      architecture: z.string(),
      description: z.string(),
      isFallbackAdapter: z.boolean(),
    })
    .optional(),
  tfjsVersion: z.string(),
});

const environmentSchema = z.strictObject({
  userAgent: z.string(),
  hardwareConcurrency: count,
  deviceMemoryGiB: finite.positive().optional(),
  crossOriginIsolated: z.boolean(),
  appVersion: z.string(),
  appCommit: z.string(),
});

const implementationSchema = z.strictObject({
  name: z.enum(["learner", "reference"]),
  theta: z.array(anyNumber),
  history: z.array(z.strictObject({ step: count, loss: anyNumber })),
  metrics: z.record(z.string(), anyNumber),
  wallTimeMs: finite.nonnegative(),
  backend: z.enum([...STORED_BACKEND_NAMES, "js"]),
});

/** Schema of `RunRecord` at `RUN_SCHEMA_VERSION`. */
export const runSchema = z.strictObject({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  runId,
  createdAt: isoDateTime,
  lessonId: nonEmpty,
  experimentId: nonEmpty,
  seed: z.number().int(),
  split: z.strictObject({ test: finite.nonnegative(), seed: z.number().int() }),
  dataset: z.strictObject({ id: nonEmpty, version: z.number().int(), sha256: sha256Hex }),
  code: z.strictObject({ text: z.string(), sha256: sha256Hex }),
  params: z.record(z.string(), finite),
  backend: backendReportSchema,
  environment: environmentSchema,
  implementations: z.array(implementationSchema),
  maxAbsThetaDiff: anyNumber,
  timings: z.strictObject({ totalMs: finite.nonnegative() }),
  memory: z.strictObject({ numTensors: count, numBytes: count }).optional(),
  ...runExtrasShape,
});

/** Schema of `SettingsRecord` at `SETTINGS_SCHEMA_VERSION`. */
export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  key: z.literal("settings"),
  backend: z.enum(STORED_BACKEND_CHOICES),
});

/** `a.b[2].c` for zod's path `["a", "b", 2, "c"]`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/** Turns zod issues into `"field.path: message"` strings; the root is called `record`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.length > 0 ? formatPath(issue.path) : "record"}: ${issue.message}`);
}

function validateWith<T>(schema: z.ZodType<T>, value: unknown): ValidationResult<T> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, record: result.data } : { ok: false, issues: formatIssues(result.error.issues) };
}

/** Validates a draft at the current schema version; returns a copy, never mutates `value`. */
export function validateDraft(value: unknown): ValidationResult<DraftRecord> {
  return validateWith(draftSchema, value);
}

/** Validates a progress record at the current schema version; returns a copy. */
export function validateProgress(value: unknown): ValidationResult<ProgressRecord> {
  return validateWith(progressSchema, value);
}

/** Validates a run record at the current schema version; returns a copy. */
export function validateRun(value: unknown): ValidationResult<RunRecord> {
  return validateWith(runSchema, value);
}

/** Validates the settings record at the current schema version; returns a copy. */
export function validateSettings(value: unknown): ValidationResult<SettingsRecord> {
  return validateWith(settingsSchema, value);
}
