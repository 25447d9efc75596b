/**
 * Export of tracked runs to a JSON file and import back, validating every run.
 * Pure (no file or storage access, no hashing): the UI reads and writes files.
 *
 * JSON has no NaN or Infinity, but a diverging run has them in its losses, so
 * non-finite numbers are written as `{ "$number": "NaN" | "Infinity" | "-Infinity" }`
 * and read back as numbers.
 */
import { validateArtifact, type ArtifactRecord } from "./artifacts";
import {
  MAX_ARTIFACTS_PER_IMPORT,
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
/**
 * Layout version of a runs + artifacts export (`exportBundleChunks`): version
 * 1 plus an `artifacts` array. DO NOT CHANGE WITHOUT TEACHING `readHeader` THE OLD ONE.
 */
export const RUNS_BUNDLE_FORMAT_VERSION = 2;

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
  phase: "parsing" | "validating" | "checksums" | "artifacts";
  done: number;
  total: number;
}

/** A parsed runs + artifacts export: like `ParsedRunsExport`, with the validated artifacts (empty for a version-1 file). */
export interface ParsedRunsBundle extends ParsedRunsExport {
  artifacts: ArtifactRecord[];
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

type Header = { ok: true; runs: unknown[]; artifacts: unknown[] } | { ok: false; error: string };

/** Checks the file header; returns the runs and artifacts arrays (none in version 1) or the reason the file cannot be read. */
function readHeader(value: unknown): Header {
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
  if (version > RUNS_BUNDLE_FORMAT_VERSION) {
    const error = `formatVersion ${version} is newer than this app understands (${RUNS_BUNDLE_FORMAT_VERSION}): reload to update the app, then import again`;
    return { ok: false, error };
  }
  if (!Array.isArray(file.runs)) return { ok: false, error: "runs: expected an array" };
  const artifacts = version === RUNS_EXPORT_FORMAT_VERSION ? [] : file.artifacts;
  if (!Array.isArray(artifacts)) return { ok: false, error: "artifacts: expected an array" };
  return { ok: true, runs: file.runs, artifacts };
}

/** The text's JSON value, or why it cannot be read (too deep, not JSON, wrong header, too many records). */
function readFile(text: string, onProgress?: (progress: ImportProgress) => void): Header {
  if (jsonDepthExceeds(text, MAX_IMPORT_JSON_DEPTH)) {
    const error = `nested more than ${MAX_IMPORT_JSON_DEPTH} levels deep, deeper than any ${RUNS_EXPORT_FORMAT} export: not read`;
    return { ok: false, error };
  }
  onProgress?.({ phase: "parsing", done: 0, total: 0 });
  const json = parseJson(text);
  if (!json.ok) return json;
  const header = readHeader(json.value);
  if (!header.ok) return header;
  if (header.runs.length > MAX_RUNS_PER_IMPORT) {
    return {
      ok: false,
      error: `runs: ${header.runs.length} runs, more than one import may hold (${MAX_RUNS_PER_IMPORT})`,
    };
  }
  if (header.artifacts.length > MAX_ARTIFACTS_PER_IMPORT) {
    const error = `artifacts: ${header.artifacts.length} artifacts, more than one import may hold (${MAX_ARTIFACTS_PER_IMPORT})`;
    return { ok: false, error };
  }
  return header;
}

/** Migrates and validates every run into `runs`; problems go to `errors` as `run N: ...`. */
function checkRuns(
  raw: unknown[],
  errors: ErrorList,
  onProgress?: (progress: ImportProgress) => void,
): { runs: RunRecord[]; ids: Set<string> } {
  const runs: RunRecord[] = [];
  const seen = new Map<string, number>();
  raw.forEach((value, index) => {
    if (index % 200 === 0) onProgress?.({ phase: "validating", done: index, total: raw.length });
    const label = `run ${index + 1}`;
    const restored = restoreRun(value);
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
  return { runs, ids: new Set(seen.keys()) };
}

/**
 * Validates every artifact (bounded schema), refusing a repeated id and an
 * artifact whose run is not in the file; problems go to `errors` as
 * `artifact N: ...`. Checksums are verified separately (`verifyArtifactsIntegrity`).
 */
function checkArtifacts(raw: unknown[], runIds: ReadonlySet<string>, errors: ErrorList): ArtifactRecord[] {
  const artifacts: ArtifactRecord[] = [];
  const seen = new Map<string, number>();
  raw.forEach((value, index) => {
    const label = `artifact ${index + 1}`;
    const result = validateArtifact(value);
    if (!result.ok) {
      result.issues.forEach((issue) => errors.add(`${label}: ${issue}`));
      return;
    }
    const { id, runId } = result.record;
    const first = seen.get(id);
    if (first !== undefined) errors.add(`${label}: id: "${id}" already appears as artifact ${first}`);
    else if (!runIds.has(runId)) errors.add(`${label}: runId: its run "${runId}" is not in the file`);
    else {
      seen.set(id, index + 1);
      artifacts.push(result.record);
    }
  });
  return artifacts;
}

/**
 * Reads a runs export of either layout (runs only, or runs + artifacts), all
 * or nothing. Never throws: a file too deep, malformed, with a wrong header,
 * too many records, an invalid or repeated run or artifact, or an artifact of
 * a run not in the file gives `errors` (runs and artifacts numbered from 1 in
 * file order) and then no runs and no artifacts at all. Runs are migrated to
 * the current schema. Checksums are checked separately (`verifyRunsIntegrity`,
 * `verifyArtifactsIntegrity`, async). Calls `onProgress` every few hundred runs.
 */
export function parseRunsBundle(text: string, onProgress?: (progress: ImportProgress) => void): ParsedRunsBundle {
  const file = readFile(text, onProgress);
  if (!file.ok) return { runs: [], artifacts: [], errors: [file.error], errorCount: 1 };
  const errors = new ErrorList();
  const { runs, ids } = checkRuns(file.runs, errors, onProgress);
  const artifacts = checkArtifacts(file.artifacts, ids, errors);
  return errors.count > 0
    ? { runs: [], artifacts: [], errors: errors.lines, errorCount: errors.count }
    : { runs, artifacts, errors: [], errorCount: 0 };
}

/**
 * Reads an export file's text, all or nothing, keeping only its runs (see
 * `parseRunsBundle`, which also returns the artifacts of a version-2 file).
 * Never throws: too deep a nesting, malformed JSON or a wrong shape gives
 * `errors` such as `"not JSON: ..."` or `"run 3: backend.used: ..."` (runs
 * numbered from 1, in file order), and then no runs at all.
 */
export function parseRunsExport(text: string, onProgress?: (progress: ImportProgress) => void): ParsedRunsExport {
  const { runs, errors, errorCount } = parseRunsBundle(text, onProgress);
  return { runs, errors, errorCount };
}
