/**
 * Export and import of runs with their artifacts in slices, yielding to the
 * page between slices so 10,000 runs neither freeze it nor hide the progress.
 * Import is all or nothing: every run is migrated and validated and every
 * artifact's SHA-256 verified before one transaction writes them.
 */
import {
  checkBundleArtifacts,
  checkBundleRuns,
  checkBundleValue,
  exportBundleChunks,
  newBundleCheck,
  parseBundleLine,
  readBundleHeader,
  splitBundleLines,
} from "../../core/tracking/bundle-export";
import { verifyArtifact, type ArtifactRecord } from "../../core/tracking/artifacts";
import { restoreRun } from "../../core/tracking/migrations";
import type { RunRecord } from "../../core/tracking/types";
import type { Repos } from "../common/services-context";

/** Progress: what is happening and a fraction from 0 to 1. */
export type Progress = (label: string, fraction: number) => void;

const SLICE = 500;

/** Lets the page paint and handle input. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads every value of a store page by page. */
async function readAll(
  read: (after: IDBValidKey | undefined, count: number) => Promise<{ keys: IDBValidKey[]; values: unknown[] }>,
  onPage: (count: number) => void,
): Promise<unknown[]> {
  const out: unknown[] = [];
  let after: IDBValidKey | undefined;
  for (;;) {
    const { keys, values } = await read(after, SLICE);
    out.push(...values);
    onPage(out.length);
    if (keys.length < SLICE) return out;
    after = keys[keys.length - 1];
    await yieldToPage();
  }
}

/** The export file of every stored run and artifact, as a Blob. Unreadable runs are left out (and counted). */
export async function exportAllRuns(repos: Repos, appVersion: string, progress: Progress) {
  const { tracking } = repos;
  const total = Math.max(1, await tracking.countRuns());
  const rawRuns = await readAll(tracking.readRunsPage, (n) => progress("Reading runs", (0.4 * n) / total));
  const runs: RunRecord[] = [];
  for (const raw of rawRuns) {
    const restored = restoreRun(raw);
    if (restored.ok) runs.push(restored.record);
  }
  const artifacts = (await readAll(tracking.readArtifactsPage, () =>
    progress("Reading artifacts", 0.5),
  )) as ArtifactRecord[];
  const parts: string[] = [];
  let count = 0;
  for (const part of exportBundleChunks(runs, artifacts, { appVersion, exportedAt: new Date().toISOString() })) {
    parts.push(part);
    if (++count % SLICE === 0) {
      progress("Writing the file", 0.5 + (0.5 * count) / (runs.length + artifacts.length + 1));
      await yieldToPage();
    }
  }
  progress("Done", 1);
  return { blob: new Blob(parts, { type: "application/json" }), runs: runs.length, left: rawRuns.length - runs.length };
}

/** Parses JSON texts a slice at a time; throws naming the first line that is not JSON. */
async function parseSlices(lines: string[], what: string, onSlice: (done: number) => void): Promise<unknown[]> {
  const out: unknown[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i += SLICE) {
    for (let k = i; k < Math.min(i + SLICE, lines.length); k++) {
      try {
        out[k] = parseBundleLine(lines[k]);
      } catch (error) {
        throw new Error(`not JSON: ${what} ${k + 1}: ${(error as Error).message}`, { cause: error });
      }
    }
    onSlice(i + SLICE);
    await yieldToPage();
  }
  return out;
}

/**
 * The file's header, runs and artifacts: a file this app exported is parsed
 * one record at a time between paints; any other layout in one go.
 */
async function readRaw(text: string, progress: Progress): Promise<ReturnType<typeof readBundleHeader>> {
  const split = splitBundleLines(text);
  if (!split) return readBundleHeader(text);
  try {
    const header = JSON.parse(split.header) as Record<string, unknown>;
    const total = split.runs.length + split.artifacts.length || 1;
    const runs = await parseSlices(split.runs, "run", (n) => progress("Reading runs", (0.3 * n) / total));
    const artifacts = await parseSlices(split.artifacts, "artifact", (n) =>
      progress("Reading artifacts", (0.3 * (split.runs.length + n)) / total),
    );
    return checkBundleValue({ ...header, runs, artifacts });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Checks a file's runs and artifacts in slices; the checked records, or every problem found. */
async function checkFile(text: string, progress: Progress) {
  const header = await readRaw(text, progress);
  if (!header.ok) return { ok: false as const, errors: [header.error] };
  const { runs, artifacts } = header.bundle;
  const check = newBundleCheck();
  const total = runs.length + artifacts.length || 1;
  for (let i = 0; i < runs.length; i += SLICE) {
    checkBundleRuns(check, runs, i, i + SLICE);
    progress("Checking runs", 0.3 + (0.3 * (i + SLICE)) / total);
    await yieldToPage();
  }
  for (let i = 0; i < artifacts.length; i += SLICE) {
    checkBundleArtifacts(check, artifacts, i, i + SLICE);
    const reads = await Promise.all(artifacts.slice(i, i + SLICE).map(verifyArtifact));
    reads.forEach((read, k) => !read.ok && check.errors.push(`artifact ${i + k + 1}: ${read.error}`));
    progress("Verifying artifact checksums", 0.3 + 0.3 * ((runs.length + i + SLICE) / total));
  }
  if (check.errors.length > 0) return { ok: false as const, errors: check.errors };
  return { ok: true as const, runs: check.runs, artifacts: check.artifacts };
}

/** Outcome of an import, as the Runs page reports it. */
export type ImportReport = { tone: "info" | "error"; lines: string[] };

/** Imports a file all or nothing; resolves with the lines to show. */
export async function importRunsFile(repos: Repos, file: File, progress: Progress): Promise<ImportReport> {
  progress("Reading the file", 0);
  const checked = await checkFile(await file.text(), progress);
  if (!checked.ok) {
    const shown = checked.errors.slice(0, 10);
    const more = checked.errors.length - shown.length;
    return {
      tone: "error",
      lines: [`Nothing imported from ${file.name}:`, ...shown, ...(more > 0 ? [`…and ${more} more problem(s).`] : [])],
    };
  }
  const total = checked.runs.length || 1;
  const { imported, skipped } = await repos.tracking.importBundle(checked.runs, checked.artifacts, (done) =>
    progress("Saving", 0.6 + (0.4 * done) / total),
  );
  progress("Done", 1);
  const plural = imported.length === 1 ? "" : "s";
  const already = skipped.length ? ` (${skipped.length} already here, kept as they were)` : "";
  return { tone: "info", lines: [`Imported ${imported.length} run${plural} from ${file.name}${already}.`] };
}
