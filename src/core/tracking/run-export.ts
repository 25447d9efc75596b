/**
 * Export of tracked runs to a JSON file and import back, validating every run.
 * Pure (no file or storage access, no hashing): the UI reads and writes files.
 *
 * JSON has no NaN or Infinity, but a diverging run has them in its losses, so
 * non-finite numbers are written as `{ "$number": "NaN" | "Infinity" | "-Infinity" }`
 * and read back as numbers.
 */
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

/** Outcome of reading an export: the valid runs (migrated to the current schema) and readable errors. */
export interface ParsedRunsExport {
  runs: RunRecord[];
  errors: string[];
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
 * Reads an export file's text. Never throws: malformed JSON or a wrong shape
 * gives `errors` such as `"not JSON: ..."` or `"run 3: backend.used: ..."`
 * (runs numbered from 1, in file order). Every run is migrated and validated;
 * valid runs are returned even when others fail. A runId that appears twice
 * keeps its first occurrence.
 */
export function parseRunsExport(text: string): ParsedRunsExport {
  const json = parseJson(text);
  if (!json.ok) return { runs: [], errors: [json.error] };
  const header = readHeader(json.value);
  if (!header.ok) return { runs: [], errors: [header.error] };
  const runs: RunRecord[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  header.runs.forEach((raw, index) => {
    const label = `run ${index + 1}`;
    const restored = restoreRun(raw);
    if (!restored.ok) {
      errors.push(...restored.issues.map((issue) => `${label}: ${issue}`));
      return;
    }
    const first = seen.get(restored.record.runId);
    if (first !== undefined) {
      errors.push(`${label}: runId: "${restored.record.runId}" already appears as run ${first}; skipped`);
      return;
    }
    seen.set(restored.record.runId, index + 1);
    runs.push(restored.record);
  });
  return { runs, errors };
}
