/**
 * Export of runs together with their artifacts (format `ml-notebook-runs`
 * version 2), written in pieces so thousands of runs serialise without one
 * long task, and read back all or nothing: one bad run, artifact or duplicate
 * id rejects the whole file. Version-1 files (runs only) are still read.
 * Pure: no file, storage or hashing (artifact checksums are verified by the
 * caller with `artifactChecksumProblem`).
 *
 * JSON has no NaN or Infinity: they are written as `{ "$number": "NaN" }` etc.,
 * as in run-export.ts.
 */
import { validateArtifact, type ArtifactRecord } from "./artifacts";
import { restoreRun } from "./migrations";
import { RUNS_EXPORT_FORMAT } from "./run-export";
import type { RunRecord } from "./types";

/** Layout version of a runs + artifacts export. DO NOT CHANGE WITHOUT TEACHING `readBundleHeader` THE OLD ONE. */
export const RUNS_BUNDLE_FORMAT_VERSION = 2;

const NON_FINITE_NAMES = new Set(["NaN", "Infinity", "-Infinity"]);

function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? { $number: String(value) } : value;
}

/** JSON.parse reviver turning `{ "$number": "NaN" }` back into NaN (and the infinities). */
export function decodeNonFinite(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const encoded = (value as { $number?: unknown }).$number;
  if (Object.keys(value).length === 1 && typeof encoded === "string" && NON_FINITE_NAMES.has(encoded)) {
    return Number(encoded);
  }
  return value;
}

/**
 * The export file as pieces of text (concatenated, they are one JSON object
 * `{ format, formatVersion: 2, exportedAt, appVersion, runs, artifacts }`),
 * one piece per run or artifact, so the caller can yield between pieces.
 */
export function* exportBundleChunks(
  runs: Iterable<RunRecord>,
  artifacts: Iterable<ArtifactRecord>,
  meta: { appVersion: string; exportedAt: string },
): Generator<string> {
  const header = {
    format: RUNS_EXPORT_FORMAT,
    formatVersion: RUNS_BUNDLE_FORMAT_VERSION,
    exportedAt: meta.exportedAt,
    appVersion: meta.appVersion,
  };
  yield JSON.stringify(header).slice(0, -1) + ',\n"runs": [';
  let first = true;
  for (const run of runs) {
    yield (first ? "\n" : ",\n") + JSON.stringify(run, encodeNonFinite);
    first = false;
  }
  yield '\n],\n"artifacts": [';
  first = true;
  for (const artifact of artifacts) {
    yield (first ? "\n" : ",\n") + JSON.stringify(artifact);
    first = false;
  }
  yield "\n]}\n";
}

/** The raw runs and artifacts of an export file, before each is checked. */
export interface RawBundle {
  runs: unknown[];
  artifacts: unknown[];
}

/**
 * JSON.parse, with the non-finite reviver only when the text holds an encoded
 * number: a reviver is called for every value and triples the parse time.
 */
export function parseExportJson(text: string): unknown {
  return text.includes('"$number"') ? JSON.parse(text, decodeNonFinite) : JSON.parse(text);
}

/**
 * The lines of a file `exportBundleChunks` wrote: its header object's text
 * and one line per run and per artifact (parse each with `parseBundleLine`),
 * so a caller can parse them a slice at a time. Null for any other layout (then parse the whole text).
 */
export function splitBundleLines(text: string): { header: string; runs: string[]; artifacts: string[] } | null {
  // No copy of the whole text (it may be tens of MB): lines are split once, a trailing comma is left for the caller.
  const lines = text.split("\n");
  const runsAt = lines.indexOf('"runs": [');
  const artifactsAt = lines.indexOf('"artifacts": [');
  if (runsAt !== 1 || artifactsAt < 0 || lines[artifactsAt - 1] !== "]," || lines.at(-2) !== "]}") return null;
  return {
    header: lines[0].replace(/^\uFEFF/, "").replace(/,$/, "}"),
    runs: lines.slice(runsAt + 1, artifactsAt - 1),
    artifacts: lines.slice(artifactsAt + 1, lines.length - 2),
  };
}

/** Parses one record line of `splitBundleLines` (its trailing comma, if any, is ignored). */
export function parseBundleLine(line: string): unknown {
  return parseExportJson(line.endsWith(",") ? line.slice(0, -1) : line);
}

/** Parses an export file's text and checks its header; an error text instead of throwing. */
export function readBundleHeader(text: string): { ok: true; bundle: RawBundle } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = parseExportJson(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return checkBundleValue(value);
}

/** Checks a parsed export's header; the raw runs and artifacts, or why the file cannot be read. */
export function checkBundleValue(value: unknown): { ok: true; bundle: RawBundle } | { ok: false; error: string } {
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
  if (version !== 1 && version !== RUNS_BUNDLE_FORMAT_VERSION) {
    const newer = typeof version === "number" && version > RUNS_BUNDLE_FORMAT_VERSION;
    return {
      ok: false,
      error: newer
        ? `formatVersion ${version} is newer than this app understands (${RUNS_BUNDLE_FORMAT_VERSION}): reload to update the app, then import again`
        : `formatVersion: expected 1 or 2, got ${JSON.stringify(version) ?? "nothing"}`,
    };
  }
  if (!Array.isArray(file.runs)) return { ok: false, error: "runs: expected an array" };
  const artifacts = version === 1 ? [] : file.artifacts;
  if (!Array.isArray(artifacts)) return { ok: false, error: "artifacts: expected an array" };
  return { ok: true, bundle: { runs: file.runs, artifacts } };
}

/** Checked contents collected so far, and every problem found (numbered from 1 in file order). */
export interface BundleCheck {
  runs: RunRecord[];
  artifacts: ArtifactRecord[];
  errors: string[];
  seenRuns: Set<string>;
  seenArtifacts: Set<string>;
}

/** An empty check to fill with `checkBundleRuns` / `checkBundleArtifacts`. */
export function newBundleCheck(): BundleCheck {
  return { runs: [], artifacts: [], errors: [], seenRuns: new Set(), seenArtifacts: new Set() };
}

/** Migrates and validates runs `from`..`to` (exclusive) of the file into `check` (mutated). */
export function checkBundleRuns(check: BundleCheck, raw: readonly unknown[], from: number, to: number): void {
  for (let i = from; i < Math.min(to, raw.length); i++) {
    const restored = restoreRun(raw[i]);
    if (!restored.ok) {
      check.errors.push(...restored.issues.map((issue) => `run ${i + 1}: ${issue}`));
      continue;
    }
    const id = restored.record.runId;
    if (check.seenRuns.has(id)) check.errors.push(`run ${i + 1}: runId "${id}" appears twice`);
    check.seenRuns.add(id);
    check.runs.push(restored.record);
  }
}

/** Validates artifacts `from`..`to` (exclusive) into `check` (mutated); each must belong to a run of the file. */
export function checkBundleArtifacts(check: BundleCheck, raw: readonly unknown[], from: number, to: number): void {
  for (let i = from; i < Math.min(to, raw.length); i++) {
    const result = validateArtifact(raw[i]);
    if (!result.ok) {
      check.errors.push(...result.issues.map((issue) => `artifact ${i + 1}: ${issue}`));
      continue;
    }
    const artifact = result.record;
    if (check.seenArtifacts.has(artifact.id)) check.errors.push(`artifact ${i + 1}: id "${artifact.id}" appears twice`);
    if (!check.seenRuns.has(artifact.runId)) {
      check.errors.push(`artifact ${i + 1}: its run ${artifact.runId} is not in the file`);
    }
    check.seenArtifacts.add(artifact.id);
    check.artifacts.push(artifact);
  }
}
