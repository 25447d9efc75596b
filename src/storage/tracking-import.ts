/**
 * Writes an imported bundle (runs, their summaries and artifacts) into the
 * stores "runs", "runSummaries" and "artifacts" in ONE transaction, so an
 * import is all or nothing: any failure aborts every write. Runs already
 * stored are kept as they are (with their artifacts). An imported artifact
 * whose versioned id is taken here by another artifact gets the next free
 * version, and its run's `artifactIds` follow.
 */
import type { IDBPDatabase, IDBPObjectStore } from "idb";
import { artifactId, type ArtifactRecord } from "../core/tracking/artifacts";
import { buildRunSummary } from "../core/tracking/run-summary";
import type { RunRecord } from "../core/tracking/types";
import type { NotebookDb } from "./db";

/** Outcome of an import: run ids written, and those already stored (kept unchanged). */
export interface BundleImportResult {
  imported: string[];
  skipped: string[];
}

type Store = IDBPObjectStore<unknown, string[], string, "readwrite">;

/** The id an imported artifact gets here: its own, or the next free version of its name. */
async function freeArtifactId(store: Store, artifact: ArtifactRecord): Promise<ArtifactRecord | null> {
  const existing = (await store.get(artifact.id)) as ArtifactRecord | undefined;
  if (existing === undefined) return artifact;
  if (existing.runId === artifact.runId && existing.sha256 === artifact.sha256) return null;
  const keys = await store.index("byName").getAllKeys(IDBKeyRange.only([artifact.lessonId, artifact.name]));
  const version =
    keys.reduce<number>((max, key) => Math.max(max, Number(/@v(\d+)$/.exec(String(key))?.[1] ?? 0)), 0) + 1;
  return { ...artifact, version, id: artifactId(artifact.lessonId, artifact.name, version) };
}

async function writeArtifacts(store: Store, artifacts: ArtifactRecord[]): Promise<Map<string, string>> {
  const renamed = new Map<string, string>();
  for (const artifact of artifacts) {
    const placed = await freeArtifactId(store, artifact);
    if (!placed) continue;
    if (placed.id !== artifact.id) renamed.set(artifact.id, placed.id);
    await store.put(placed);
  }
  return renamed;
}

/** Aborts a transaction that may already have finished. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished: nothing left to undo.
  }
}

/** See the module comment. `onProgress` gets the number of runs handled so far. */
export async function importBundleInto(
  db: NotebookDb,
  runs: RunRecord[],
  artifacts: ArtifactRecord[],
  onProgress?: (done: number) => void,
): Promise<BundleImportResult> {
  const tx = (db as unknown as IDBPDatabase).transaction(["runs", "runSummaries", "artifacts"], "readwrite");
  tx.done.catch(() => undefined);
  const result: BundleImportResult = { imported: [], skipped: [] };
  try {
    const runsStore = tx.objectStore("runs");
    const fresh = new Set<string>();
    for (const run of runs) {
      if ((await runsStore.getKey(run.runId)) === undefined) fresh.add(run.runId);
      else result.skipped.push(run.runId);
    }
    const renamed = await writeArtifacts(
      tx.objectStore("artifacts") as unknown as Store,
      artifacts.filter((a) => fresh.has(a.runId)),
    );
    let done = 0;
    for (const run of runs) {
      done += 1;
      if (!fresh.has(run.runId)) continue;
      const ids = run.artifactIds?.map((id) => renamed.get(id) ?? id);
      const placed: RunRecord = ids ? { ...run, artifactIds: ids } : run;
      const summary = buildRunSummary(placed);
      await runsStore.put(placed);
      await tx.objectStore("runSummaries").put(summary);
      result.imported.push(run.runId);
      if (done % 500 === 0) onProgress?.(done);
    }
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
  return result;
}
