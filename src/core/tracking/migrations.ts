/**
 * Migrations of stored records from older `schemaVersion`s to the current one,
 * and `restore*` functions (migrate, then validate) used on every load. Pure:
 * inputs are never mutated; migrated copies are returned. A record with a
 * newer schemaVersion than this app knows is reported and left untouched.
 */
import type { ValidationResult } from "./schemas";
import { validateDraft, validateProgress, validateRun, validateSettings } from "./schemas";
import type { DraftRecord, ProgressRecord, RunRecord, SettingsRecord } from "./types";
import { DRAFT_SCHEMA_VERSION, PROGRESS_SCHEMA_VERSION, RUN_SCHEMA_VERSION, SETTINGS_SCHEMA_VERSION } from "./types";

/** The kinds of versioned records. */
export type RecordKind = "draft" | "progress" | "run" | "settings";

/** The schema version this app reads and writes, per record kind. */
export const CURRENT_SCHEMA_VERSION: Readonly<Record<RecordKind, number>> = {
  draft: DRAFT_SCHEMA_VERSION,
  progress: PROGRESS_SCHEMA_VERSION,
  run: RUN_SCHEMA_VERSION,
  settings: SETTINGS_SCHEMA_VERSION,
};

/**
 * A draft as the first app version (database version 1) stored it, before
 * records had a schemaVersion ("version 0"). `key` was `${lessonId}/${exerciseId}`;
 * `savedAt` was an ISO string or, in some builds, epoch milliseconds.
 */
export interface DraftV0 {
  key?: string;
  lessonId: string;
  exerciseId: string;
  code: string;
  savedAt: string | number;
}

/** A plain object as read from storage or a file, before validation. */
export type LooseRecord = Record<string, unknown>;

/**
 * Outcome of a migration. On success `record` has the current schemaVersion
 * but is not validated yet; `migrated` says whether anything changed. On
 * failure `tooNew` is true when the record comes from a newer app version.
 */
export type MigrationResult =
  { ok: true; record: LooseRecord; migrated: boolean } | { ok: false; reason: string; tooNew: boolean };

/** One step: a record at version n to version n + 1 (or a reason it cannot be). */
type MigrationStep = (record: LooseRecord) => { ok: true; record: LooseRecord } | { ok: false; reason: string };

function toIsoTime(value: unknown): unknown {
  return typeof value === "number" && Number.isFinite(value) ? new Date(value).toISOString() : value;
}

/**
 * Draft v0 -> v1: adds schemaVersion and `hintsRevealed: 0`, renames `savedAt`
 * to `updatedAt` (epoch ms become ISO), drops the derived `key`. Unknown
 * fields are kept so validation reports them instead of losing them.
 */
export function migrateDraftV0ToV1(
  record: LooseRecord,
): { ok: true; record: LooseRecord } | { ok: false; reason: string } {
  if (typeof record.code !== "string") return { ok: false, reason: "code: a version-0 draft has no code text" };
  const rest = { ...record };
  delete rest.key;
  delete rest.savedAt;
  return { ok: true, record: { ...rest, schemaVersion: 1, hintsRevealed: 0, updatedAt: toIsoTime(record.savedAt) } };
}

/** Run v1 -> v2: every field v2 added is optional, so only the version changes. */
export function migrateRunV1ToV2(record: LooseRecord): { ok: true; record: LooseRecord } {
  return { ok: true, record: { ...record, schemaVersion: 2 } };
}

/** Steps per kind, keyed by the version they start from. */
const MIGRATIONS: Readonly<Record<RecordKind, Readonly<Record<number, MigrationStep>>>> = {
  draft: { 0: migrateDraftV0ToV1 },
  progress: {},
  run: { 1: migrateRunV1ToV2 },
  settings: {},
};

function isPlainObject(value: unknown): value is LooseRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The record's schemaVersion (0 when absent), or an error text when it is malformed. */
function readVersion(record: LooseRecord): number | string {
  const version = record.schemaVersion ?? 0;
  if (typeof version === "number" && Number.isInteger(version) && version >= 0) return version;
  return `schemaVersion: expected a whole number, got ${JSON.stringify(version)}`;
}

/** Runs every step from the record's version up to `target`. */
function applySteps(kind: RecordKind, record: LooseRecord, from: number, target: number): MigrationResult {
  let current = record;
  for (let version = from; version < target; version += 1) {
    const step = MIGRATIONS[kind][version];
    if (!step)
      return { ok: false, reason: `schemaVersion: no migration for a ${kind} of version ${version}`, tooNew: false };
    const result = step(current);
    if (!result.ok) return { ok: false, reason: result.reason, tooNew: false };
    current = result.record;
  }
  return { ok: true, record: current, migrated: from !== target };
}

/**
 * Brings a stored record of any older schemaVersion to the current one for
 * its kind. Never mutates `raw`; a current record is returned as is
 * (`migrated: false`); a newer one is reported with `tooNew: true`.
 */
export function migrateRecord(kind: RecordKind, raw: unknown): MigrationResult {
  if (!isPlainObject(raw)) return { ok: false, reason: "record: expected an object", tooNew: false };
  const version = readVersion(raw);
  if (typeof version === "string") return { ok: false, reason: version, tooNew: false };
  const target = CURRENT_SCHEMA_VERSION[kind];
  if (version > target) {
    const reason =
      `schemaVersion: ${version} is newer than this app understands (${target}); ` +
      "reload to update the app. The record was left unchanged.";
    return { ok: false, reason, tooNew: true };
  }
  return applySteps(kind, raw, version, target);
}

/** Outcome of loading a record: migrated (in memory) and validated, or readable issues. */
export type RestoreResult<T> =
  { ok: true; record: T; migrated: boolean } | { ok: false; issues: string[]; tooNew: boolean };

function restoreWith<T>(
  kind: RecordKind,
  raw: unknown,
  validate: (value: unknown) => ValidationResult<T>,
): RestoreResult<T> {
  const migration = migrateRecord(kind, raw);
  if (!migration.ok) return { ok: false, issues: [migration.reason], tooNew: migration.tooNew };
  const validation = validate(migration.record);
  if (!validation.ok) return { ok: false, issues: validation.issues, tooNew: false };
  return { ok: true, record: validation.record, migrated: migration.migrated };
}

/** Migrates and validates a stored draft. Pure. */
export function restoreDraft(raw: unknown): RestoreResult<DraftRecord> {
  return restoreWith("draft", raw, validateDraft);
}

/** Migrates and validates a stored progress record. Pure. */
export function restoreProgress(raw: unknown): RestoreResult<ProgressRecord> {
  return restoreWith("progress", raw, validateProgress);
}

/** Migrates and validates a stored or imported run. Pure. */
export function restoreRun(raw: unknown): RestoreResult<RunRecord> {
  return restoreWith("run", raw, validateRun);
}

/** Migrates and validates the stored settings record. Pure. */
export function restoreSettings(raw: unknown): RestoreResult<SettingsRecord> {
  return restoreWith("settings", raw, validateSettings);
}
