/**
 * Export of runs with their artifacts in slices, yielding to the page between
 * slices so 10,000 runs neither freeze it nor hide the progress. (Import runs
 * in a worker: `import.worker.ts`.)
 */
import { exportBundleChunks } from "../../core/tracking/bundle-export";
import type { ArtifactRecord } from "../../core/tracking/artifacts";
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
