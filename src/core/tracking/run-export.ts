/**
 * Export of tracked runs to a JSON file and import back, validating every run.
 * Pure (no file or storage access, no hashing): the UI reads and writes files.
 *
 * JSON has no NaN or Infinity, but a diverging run has them in its losses, so
 * non-finite numbers are written as `{ "$number": "NaN" | "Infinity" | "-Infinity" }`
 * and read back as numbers.
 */
import {
  MAX_ERROR_LINE_CHARS,
  MAX_IMPORT_ERRORS_KEPT,
  MAX_IMPORT_JSON_DEPTH,
  MAX_RUNS_PER_IMPORT,
} from "./import-limits";
import { restoreRun } from "./migrations";
import type { RunRecord } from "./types";

/** Value of the `format` field that marks a runs export. */
export const RUNS_EXPORT_FORMAT = "ml-notebook-runs";
/** Version of the export file layout. DO NOT CHANGE WITHOUT TEACHING `parseRunsExport` THE OLD ONE. */
export const RUNS_EXPORT_FORMAT_VERSION = 1;

/** Layout of an export file (before non-finite numbers are encoded). */
export interface RunsExportFile {
  format: typeof RUNS_EXPORT_FORMAT;
  formatVersion: typeof RUNS_EXPORT_FORMAT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  appVersion: string;
  runs: RunRecord[];
}

/**
 * Outcome of reading an export, all or nothing: `runs` (migrated to the
 * current schema) is empty whenever `errors` is not. `errors` keeps the first
 * `MAX_IMPORT_ERRORS_KEPT` problems, each cut to `MAX_ERROR_LINE_CHARS`;
 * `errorCount` counts them all.
 */
export interface ParsedRunsExport {
  runs: RunRecord[];
  errors: string[];
  errorCount: number;
}

/** Where a long parse is: `done` of `total` runs checked. */
export interface ImportProgress {
  phase: "parsing" | "validating" | "checksums";
  done: number;
  total: number;
}

const NON_FINITE_NAMES = new Set(["NaN", "Infinity", "-Infinity"]);

function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? { $number: String(value) } : value;
}

function decodeNonFinite(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const encoded = (value as { $number?: unknown }).$number;
  if (keys.length === 1 && typeof encoded === "string" && NON_FINITE_NAMES.has(encoded)) return Number(encoded);
  return value;
}

/**
 * Serialises runs as pretty-printed JSON in the `ml-notebook-runs` format.
 * `meta.exportedAt` defaults to now. Does not mutate `runs`.
 */
export function exportRuns(runs: RunRecord[], meta: { appVersion: string; exportedAt?: string }): string {
  const file: RunsExportFile = {
    format: RUNS_EXPORT_FORMAT,
    formatVersion: RUNS_EXPORT_FORMAT_VERSION,
    exportedAt: meta.exportedAt ?? new Date().toISOString(),
    appVersion: meta.appVersion,
    runs,
  };
  return JSON.stringify(file, encodeNonFinite, 2);
}

/**
 * The deepest `[`/`{` nesting of a JSON text, counted without parsing it
 * (strings skipped), stopping as soon as it exceeds `limit`. Linear; pure.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Collects error lines up to a bound, counting the rest. */
export class ErrorList {
  readonly lines: string[] = [];
  count = 0;

  add(line: string): void {
    this.count++;
    if (this.lines.length >= MAX_IMPORT_ERRORS_KEPT) return;
    this.lines.push(line.length > MAX_ERROR_LINE_CHARS ? `${line.slice(0, MAX_ERROR_LINE_CHARS - 1)}…` : line);
  }
}

/** Parses JSON, returning an error text instead of throwing. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, ""), decodeNonFinite) };
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Checks the file header; returns the runs array or the reason the file cannot be read. */
function readHeader(value: unknown): { ok: true; runs: unknown[] } | { ok: false; error: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: `not an ${RUNS_EXPORT_FORMAT} export: expected a JSON object` };
  }
  const file = value as Record<string, unknown>;
  if (file.format !== RUNS_EXPORT_FORMAT) {
    return {
      ok: false,
      error: `not an ${RUNS_EXPORT_FORMAT} export: format is ${JSON.stringify(file.format) ?? "missing"}`,
    };
  }
  const version = file.formatVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `formatVersion: expected a whole number, got ${JSON.stringify(version) ?? "nothing"}` };
  }
  if (version > RUNS_EXPORT_FORMAT_VERSION) {
    const error = `formatVersion ${version} is newer than this app understands (${RUNS_EXPORT_FORMAT_VERSION}): reload to update the app, then import again`;
    return { ok: false, error };
  }
  if (!Array.isArray(file.runs)) return { ok: false, error: "runs: expected an array" };
  return { ok: true, runs: file.runs };
}

/**
 * Reads an export file's text, all or nothing. Never throws: too deep a
 * nesting, malformed JSON or a wrong shape gives `errors` such as
 * `"not JSON: ..."` or `"run 3: backend.used: ..."` (runs numbered from 1, in
 * file order), and then no runs at all. Every run is migrated and validated;
 * a runId that appears twice is an error. Checksums are checked separately
 * (`verifyRunsIntegrity`, async). Calls `onProgress` every few hundred runs.
 */
export function parseRunsExport(text: string, onProgress?: (progress: ImportProgress) => void): ParsedRunsExport {
  const fail = (error: string): ParsedRunsExport => ({ runs: [], errors: [error], errorCount: 1 });
  if (jsonDepthExceeds(text, MAX_IMPORT_JSON_DEPTH)) {
    return fail(
      `nested more than ${MAX_IMPORT_JSON_DEPTH} levels deep, deeper than any ${RUNS_EXPORT_FORMAT} export: not read`,
    );
  }
  onProgress?.({ phase: "parsing", done: 0, total: 0 });
  const json = parseJson(text);
  if (!json.ok) return fail(json.error);
  const header = readHeader(json.value);
  if (!header.ok) return fail(header.error);
  if (header.runs.length > MAX_RUNS_PER_IMPORT) {
    return fail(`runs: ${header.runs.length} runs, more than one import may hold (${MAX_RUNS_PER_IMPORT})`);
  }
  const runs: RunRecord[] = [];
  const errors = new ErrorList();
  const seen = new Map<string, number>();
  header.runs.forEach((raw, index) => {
    if (index % 200 === 0) onProgress?.({ phase: "validating", done: index, total: header.runs.length });
    const label = `run ${index + 1}`;
    const restored = restoreRun(raw);
    if (!restored.ok) {
      restored.issues.forEach((issue) => errors.add(`${label}: ${issue}`));
      return;
    }
    const first = seen.get(restored.record.runId);
    if (first !== undefined) {
      errors.add(`${label}: runId: "${restored.record.runId}" already appears as run ${first}`);
      return;
    }
    seen.set(restored.record.runId, index + 1);
    runs.push(restored.record);
  });
  return errors.count > 0
    ? { runs: [], errors: errors.lines, errorCount: errors.count }
    : { runs, errors: [], errorCount: 0 };
}
