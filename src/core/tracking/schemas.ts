/**
 * Zod schemas of the stored records in `types.ts`, and validators that turn a
 * zod failure into readable issues naming the field ("backend.used: ...").
 * Pure: no I/O, inputs are never mutated. Objects are strict, so a field this
 * app does not know is reported instead of silently dropped on the next save.
 * Every string and array is bounded (`import-limits.ts`) and ids have the
 * shapes a lesson file allows, so no record can carry a 10 MB id.
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
  STORED_KERNEL_HOSTS,
} from "./types";
import { CELL_ID_PATTERN, LESSON_ID_PATTERN } from "../lesson/id-patterns";
import { MAX_ARRAY_ITEMS, MAX_CODE_CHARS, MAX_ENTRIES, MAX_ID_CHARS, MAX_TEXT_CHARS } from "./import-limits";

/** Outcome of validating one record: the typed record, or readable issues. */
export type ValidationResult<T> = { ok: true; record: T } | { ok: false; issues: string[] };

/** ISO 8601 date-time with `Z` or an offset, e.g. `2026-11-03T10:00:00.000Z`. */
const isoDateTime = z.iso.datetime({ offset: true, message: "expected an ISO 8601 date-time" });
const finite = z.number();
/** Short free text (names, versions, reasons), at most `MAX_TEXT_CHARS`. */
const text = z.string().max(MAX_TEXT_CHARS);
/** Learner code, at most `MAX_CODE_CHARS`. */
const code = z.string().max(MAX_CODE_CHARS);
/** A lesson id (kebab-case), as the front matter allows. */
const lessonId = z
  .string()
  .max(MAX_ID_CHARS, { abort: true })
  .regex(LESSON_ID_PATTERN, "expected a kebab-case lesson id, e.g. linear-regression");
/** An exercise or experiment id, as a lesson's cells allow. */
const cellId = z
  .string()
  .max(MAX_ID_CHARS, { abort: true })
  .regex(CELL_ID_PATTERN, "expected a cell id, e.g. computeCost");
/** A bounded array. */
const list = <T extends z.ZodType>(item: T, max = MAX_ARRAY_ITEMS) => z.array(item).max(max);
/** A string-keyed record with at most `MAX_ENTRIES` short keys. */
const entries = <T extends z.ZodType>(value: T) =>
  z
    .record(text.max(MAX_ID_CHARS), value)
    .refine((record) => Object.keys(record).length <= MAX_ENTRIES, `expected at most ${MAX_ENTRIES} entries`);
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
const runId = z.custom<RunId>(
  (value) => typeof value === "string" && value.length <= MAX_ID_CHARS && LESSON_ID_PATTERN.test(value),
  { message: `expected a run id (lower-case letters, digits and '-', at most ${MAX_ID_CHARS} characters)` },
);

/** Schema of one stored check verdict (`StoredCheckVerdict`). */
export const checkVerdictSchema = z.strictObject({
  name: text,
  passed: z.boolean(),
  expected: text,
  got: text,
  tolerance: finite.nonnegative().optional(),
  message: text.optional(),
  hidden: z.boolean(),
}) satisfies z.ZodType<StoredCheckVerdict>;

/** Schema of `DraftRecord` at `DRAFT_SCHEMA_VERSION`. */
export const draftSchema = z.strictObject({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  lessonId,
  exerciseId: cellId,
  code,
  previousCode: code.optional(),
  hintsRevealed: count,
  updatedAt: isoDateTime,
  lessonVersion: z.number().int().positive().optional(),
  starter: z.string().optional(),
});

/** Schema of `ProgressRecord` at `PROGRESS_SCHEMA_VERSION`. */
export const progressSchema = z.strictObject({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  lessonId,
  exerciseId: cellId,
  verdicts: list(checkVerdictSchema, MAX_ENTRIES),
  allPassed: z.boolean(),
  everPassed: z.boolean(),
  solutionShown: z.boolean(),
  updatedAt: isoDateTime,
  lessonVersion: z.number().int().positive().optional(),
});

const backendReportSchema = z.strictObject({
  requested: z.enum(STORED_BACKEND_CHOICES),
  used: z.enum(STORED_BACKEND_NAMES),
  skipped: list(z.strictObject({ backend: z.enum(STORED_BACKEND_NAMES), reason: text }), STORED_BACKEND_NAMES.length),
  threads: count.optional(),
  adapter: z
    .strictObject({
      vendor: text,
      architecture: text,
      description: text,
      isFallbackAdapter: z.boolean(),
    })
    .optional(),
  tfjsVersion: text,
  kernelHost: z.enum(STORED_KERNEL_HOSTS).optional(),
  auto: z
    .strictObject({
      estimates: list(
        z.strictObject({ backend: z.enum(STORED_BACKEND_NAMES), ms: z.number(), threads: count.optional() }),
        8,
      ),
      reason: text,
    })
    .optional(),
});

const ms = finite.nonnegative();
const runProfileSchema = z.strictObject({
  backendInitMs: ms,
  firstStepMs: ms,
  steadyMs: ms,
  steps: z.strictObject({ count, p50: ms, p90: ms, p99: ms, max: ms }).optional(),
  peakTensors: count,
  peakBytes: count,
  topKernels: list(z.strictObject({ name: text, ms, calls: count }), 64).optional(),
  kernelsNote: text.optional(),
  jsHeapBytes: count.optional(),
  leakedTensors: z.number().int(),
});

const environmentSchema = z.strictObject({
  userAgent: text,
  hardwareConcurrency: count,
  deviceMemoryGiB: finite.positive().optional(),
  crossOriginIsolated: z.boolean(),
  appVersion: text,
  appCommit: text,
});

const implementationSchema = z.strictObject({
  name: z.enum(["learner", "reference"]),
  theta: list(anyNumber),
  history: list(z.strictObject({ step: count, loss: anyNumber })),
  metrics: entries(anyNumber),
  wallTimeMs: finite.nonnegative(),
  backend: z.enum([...STORED_BACKEND_NAMES, "js"]),
});

/** Schema of `RunRecord` at `RUN_SCHEMA_VERSION`. */
export const runSchema = z.strictObject({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  runId,
  createdAt: isoDateTime,
  lessonId,
  experimentId: cellId,
  seed: z.number().int(),
  split: z.strictObject({ test: finite.nonnegative(), seed: z.number().int() }),
  dataset: z.strictObject({ id: lessonId, version: z.number().int(), sha256: sha256Hex }),
  code: z.strictObject({ text: code, sha256: sha256Hex }),
  params: entries(finite),
  backend: backendReportSchema,
  environment: environmentSchema,
  implementations: list(implementationSchema, 2),
  maxAbsThetaDiff: anyNumber,
  timings: z.strictObject({ totalMs: finite.nonnegative() }),
  memory: z.strictObject({ numTensors: count, numBytes: count }).optional(),
  profile: runProfileSchema.optional(),
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
