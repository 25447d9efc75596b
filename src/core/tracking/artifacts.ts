/**
 * Artifacts: a run's outputs as files other tools read (final parameters as
 * JSON, loss histories as CSV, plot data as JSON), each stored with a
 * versioned id `<lesson>/<name>@v<n>`, its byte size, media type and the
 * SHA-256 of its bytes. Builders and checks here are pure (hashing is done
 * by the caller with `sha256Hex`).
 * DO NOT CHANGE THE STORED SHAPE WITHOUT BUMPING ARTIFACT_SCHEMA_VERSION.
 */
import { z } from "zod";
import { LESSON_ID_PATTERN, MAX_ID_CHARS } from "../lesson/id-patterns";
import { sha256Hex } from "../ml/sha256";
import type { PlotSpec } from "../plot/plot-types";
import { MAX_ARTIFACT_CHARS } from "./import-limits";
import { formatIssues, type ValidationResult } from "./schemas";
import type { RunRecord } from "./types";

export const ARTIFACT_SCHEMA_VERSION = 1;

/** Media types of the artifacts this app writes. */
export const ARTIFACT_MEDIA_TYPES = ["application/json", "text/csv"] as const;
export type ArtifactMediaType = (typeof ARTIFACT_MEDIA_TYPES)[number];

/** One stored artifact. Key: `id`. */
export interface ArtifactRecord {
  schemaVersion: typeof ARTIFACT_SCHEMA_VERSION;
  /** `<lessonId>/<name>@v<version>`. */
  id: string;
  lessonId: string;
  name: string;
  /** 1, 2, ...: each run that writes an artifact of this name in this lesson gets the next version. */
  version: number;
  runId: string;
  mediaType: ArtifactMediaType;
  /** Size of `text` in UTF-8, in bytes. */
  bytes: number;
  /** Lowercase hex SHA-256 of `text` in UTF-8. */
  sha256: string;
  createdAt: string;
  /** The file's contents (JSON or CSV text). */
  text: string;
}

/** An artifact's contents before it has an id, version and checksum. */
export interface ArtifactContent {
  name: string;
  mediaType: ArtifactMediaType;
  text: string;
}

/** Longest artifact name: an experiment id and a suffix such as `-parameters-reference`. */
const MAX_ARTIFACT_NAME_CHARS = 2 * MAX_ID_CHARS;

/**
 * Schema of `ArtifactRecord` at ARTIFACT_SCHEMA_VERSION. Every string is
 * bounded (`import-limits.ts`), like the other stored records.
 */
export const artifactSchema = z.strictObject({
  schemaVersion: z.literal(ARTIFACT_SCHEMA_VERSION),
  id: z
    .string()
    .max(MAX_ID_CHARS + MAX_ARTIFACT_NAME_CHARS + 16, { abort: true })
    .regex(/^[^@]+\/[^@/]+@v[1-9][0-9]*$/, "expected <lesson>/<name>@v<n>"),
  lessonId: z
    .string()
    .max(MAX_ID_CHARS, { abort: true })
    .regex(LESSON_ID_PATTERN, "expected a kebab-case lesson id, e.g. linear-regression"),
  name: z.string().min(1).max(MAX_ARTIFACT_NAME_CHARS),
  version: z.number().int().positive(),
  runId: z
    .string()
    .max(MAX_ID_CHARS, { abort: true })
    .regex(LESSON_ID_PATTERN, "expected a run id (lower-case letters, digits and '-')"),
  mediaType: z.enum(ARTIFACT_MEDIA_TYPES),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex SHA-256 (64 characters)"),
  createdAt: z.iso.datetime({ offset: true }),
  text: z.string().max(MAX_ARTIFACT_CHARS),
});

/** Validates an artifact record (after migration); returns a copy. */
export function validateArtifact(value: unknown): ValidationResult<ArtifactRecord> {
  const result = artifactSchema.safeParse(value);
  return result.success ? { ok: true, record: result.data } : { ok: false, issues: formatIssues(result.error.issues) };
}

/** `<lessonId>/<name>@v<version>`. */
export function artifactId(lessonId: string, name: string, version: number): string {
  return `${lessonId}/${name}@v${version}`;
}

/** The next version for an artifact name, given the versions already stored (1 when none). */
export function nextArtifactVersion(existing: readonly number[]): number {
  return existing.reduce((max, v) => Math.max(max, v), 0) + 1;
}

/** A number as JSON allows: non-finite values (a diverging run) become null. */
function jsonNumber(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The CSV text of a number: `NaN`, `Infinity` and `-Infinity` as such (pandas and R read them). */
function csvNumber(value: number): string {
  return String(value);
}

/** Final parameters of one implementation, as JSON `{ runId, implementation, backend, theta }`. */
function parametersJson(run: RunRecord, impl: RunRecord["implementations"][number]): string {
  const file = {
    runId: run.runId,
    implementation: impl.name,
    backend: impl.backend,
    theta: impl.theta.map(jsonNumber),
  };
  return JSON.stringify(file, null, 2) + "\n";
}

/** Every implementation's loss history as CSV: `implementation,step,loss`. */
export function lossHistoryCsv(run: Pick<RunRecord, "implementations">): string {
  const lines = ["implementation,step,loss"];
  for (const impl of run.implementations) {
    for (const point of impl.history) lines.push(`${impl.name},${point.step},${csvNumber(point.loss)}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The artifacts of a finished run: `<experiment>-parameters-<implementation>`
 * (JSON) for each implementation, `<experiment>-loss-history` (CSV) and, when
 * the run drew plots, `<experiment>-plots` (JSON).
 */
export function runArtifactContents(run: RunRecord, plots?: readonly PlotSpec[]): ArtifactContent[] {
  const prefix = run.experimentId;
  const contents: ArtifactContent[] = run.implementations.map((impl) => ({
    name: `${prefix}-parameters-${impl.name}`,
    mediaType: "application/json",
    text: parametersJson(run, impl),
  }));
  contents.push({ name: `${prefix}-loss-history`, mediaType: "text/csv", text: lossHistoryCsv(run) });
  if (plots && plots.length > 0) {
    contents.push({ name: `${prefix}-plots`, mediaType: "application/json", text: JSON.stringify(plots) + "\n" });
  }
  return contents;
}

/** Builds the stored record of one artifact. `bytes` and `sha256` describe `content.text` in UTF-8. */
export function buildArtifactRecord(args: {
  lessonId: string;
  runId: string;
  content: ArtifactContent;
  version: number;
  bytes: number;
  sha256: string;
  now: string;
}): ArtifactRecord {
  return {
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    id: artifactId(args.lessonId, args.content.name, args.version),
    lessonId: args.lessonId,
    name: args.content.name,
    version: args.version,
    runId: args.runId,
    mediaType: args.content.mediaType,
    bytes: args.bytes,
    sha256: args.sha256,
    createdAt: args.now,
    text: args.content.text,
  };
}

/**
 * The error text for an artifact whose bytes no longer match its checksum,
 * or null when they match. `computed` is the SHA-256 of `artifact.text` now.
 */
export function artifactChecksumProblem(
  artifact: Pick<ArtifactRecord, "id" | "sha256">,
  computed: string,
): string | null {
  if (computed === artifact.sha256) return null;
  return `Artifact ${artifact.id} is damaged or was altered: its SHA-256 is ${computed.slice(0, 16)}…, but ${artifact.sha256.slice(0, 16)}… was recorded. It was not used.`;
}

/** The file name an artifact downloads as, e.g. `fit-loss-history-v3.csv`. */
export function artifactFileName(artifact: Pick<ArtifactRecord, "name" | "version" | "mediaType">): string {
  return `${artifact.name}-v${artifact.version}.${artifact.mediaType === "text/csv" ? "csv" : "json"}`;
}

/** One artifact read back: verified, or the reason it may not be used. */
export type ArtifactRead = { ok: true; artifact: ArtifactRecord } | { ok: false; error: string };

/**
 * Validates a stored or imported artifact and checks its text against its
 * recorded SHA-256 and byte size. Never throws; does not mutate `raw`.
 */
export async function verifyArtifact(raw: unknown): Promise<ArtifactRead> {
  const valid = validateArtifact(raw);
  if (!valid.ok) return { ok: false, error: `An artifact could not be read: ${valid.issues.join("; ")}` };
  const artifact = valid.record;
  const problem = artifactChecksumProblem(artifact, await sha256Hex(artifact.text));
  if (problem) return { ok: false, error: problem };
  const bytes = new TextEncoder().encode(artifact.text).byteLength;
  if (bytes !== artifact.bytes) {
    return { ok: false, error: `Artifact ${artifact.id} is ${bytes} bytes, but ${artifact.bytes} were recorded.` };
  }
  return { ok: true, artifact };
}

/**
 * Verifies the SHA-256 and byte size of every imported artifact (all or
 * nothing): the problems as `artifact N: ...` (numbered in file order), empty
 * when every artifact is intact. Calls `onProgress` every 50 artifacts.
 */
export async function artifactsIntegrityIssues(
  artifacts: readonly ArtifactRecord[],
  onProgress?: (done: number, total: number) => void,
): Promise<string[]> {
  const issues: string[] = [];
  for (const [index, artifact] of artifacts.entries()) {
    if (index % 50 === 0) onProgress?.(index, artifacts.length);
    const read = await verifyArtifact(artifact);
    if (!read.ok) issues.push(`artifact ${index + 1}: ${read.error}`);
  }
  return issues;
}
