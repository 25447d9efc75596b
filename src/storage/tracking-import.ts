/**
 * Writes an imported bundle (runs, their summaries and artifacts) into the
 * stores "runs", "runSummaries" and "artifacts" in ONE transaction, so an
 * import is all or nothing: any failure or clash aborts every write. A run
 * already stored with the same content is skipped (with its artifacts); one
 * with the same id but other content rejects the whole import. An imported
 * artifact whose versioned id is taken here by another run's artifact gets the
 * next free version, and its run's `artifactIds` follow.
 */
import type { IDBPDatabase, IDBPObjectStore } from "idb";
import { artifactId, type ArtifactRecord } from "../core/tracking/artifacts";
import { restoreRun } from "../core/tracking/migrations";
import { buildRunSummary } from "../core/tracking/run-summary";
import type { RunRecord } from "../core/tracking/types";
import type { NotebookDb } from "./db";
import { StorageError } from "./storage-error";

/** Outcome of an import: run ids written, and those already stored with the same content (kept unchanged). */
export interface BundleImportResult {
  imported: string[];
  skipped: string[];
}

type Store = IDBPObjectStore<unknown, string[], string, "readwrite">;

/** Requests issued between progress reports; the transaction is not awaited per record. */
const BATCH = 500;

/** JSON with sorted keys and non-finite numbers spelled out, so equal content compares equal whatever the key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v)
      ? `$number:${v}`
      : v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );
}

/**
 * A run's content as an import compares it: without the learner's labels
 * (tags, note, edited here after an earlier import) and artifact ids (which
 * may have been renumbered here).
 */
function comparable(run: RunRecord): string {
  return canonicalJson({ ...run, tags: undefined, note: undefined, artifactIds: undefined });
}

/** Which runs are new, which are already here unchanged, and the clashes (`run N: ...`). */
async function sortRuns(store: Store, runs: RunRecord[]) {
  const stored = await Promise.all(runs.map((run) => store.get(run.runId) as Promise<unknown>));
  const fresh = new Set<string>();
  const skipped: string[] = [];
  const clashes: string[] = [];
  stored.forEach((value, index) => {
    const run = runs[index];
    if (value === undefined) return void fresh.add(run.runId);
    const restored = restoreRun(value);
    if (restored.ok && comparable(restored.record) === comparable(run)) skipped.push(run.runId);
    else clashes.push(`run ${index + 1}: runId: a different run with id "${run.runId}" is already stored`);
  });
  return { fresh, skipped, clashes };
}

/** The highest stored version of each (lesson, name) the artifacts use. */
async function storedVersions(store: Store, artifacts: ArtifactRecord[]): Promise<Map<string, number>> {
  const names = [...new Set(artifacts.map((a) => JSON.stringify([a.lessonId, a.name])))];
  const keys = await Promise.all(
    names.map((name) => store.index("byName").getAllKeys(IDBKeyRange.only(JSON.parse(name) as string[]))),
  );
  const versions = new Map<string, number>();
  names.forEach((name, i) => {
    versions.set(
      name,
      keys[i].reduce<number>((max, key) => Math.max(max, Number(/@v(\d+)$/.exec(String(key))?.[1] ?? 0)), 0),
    );
  });
  return versions;
}

/** Writes the artifacts, renumbering those whose id is taken here; returns old id -> new id. */
async function writeArtifacts(store: Store, artifacts: ArtifactRecord[]): Promise<Map<string, string>> {
  const taken = await Promise.all(artifacts.map((a) => store.getKey(a.id)));
  const versions = await storedVersions(store, artifacts);
  const renamed = new Map<string, string>();
  const puts: Promise<unknown>[] = [];
  artifacts.forEach((artifact, i) => {
    let placed = artifact;
    if (taken[i] !== undefined) {
      const name = JSON.stringify([artifact.lessonId, artifact.name]);
      const version = (versions.get(name) ?? 0) + 1;
      versions.set(name, version);
      placed = { ...artifact, version, id: artifactId(artifact.lessonId, artifact.name, version) };
      renamed.set(artifact.id, placed.id);
    }
    puts.push(store.put(placed));
  });
  await Promise.all(puts);
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

/** Puts the new runs and their summaries, `BATCH` requests at a time; `onProgress` gets runs handled. */
async function writeRuns(
  runsStore: Store,
  summaries: Store,
  runs: RunRecord[],
  renamed: Map<string, string>,
  onProgress?: (done: number) => void,
): Promise<void> {
  for (let from = 0; from < runs.length; from += BATCH) {
    const puts = runs.slice(from, from + BATCH).flatMap((run) => {
      const ids = run.artifactIds?.map((id) => renamed.get(id) ?? id);
      const placed: RunRecord = ids ? { ...run, artifactIds: ids } : run;
      return [runsStore.put(placed), summaries.put(buildRunSummary(placed))];
    });
    await Promise.all(puts);
    onProgress?.(Math.min(from + BATCH, runs.length));
  }
}

/** See the module comment. Rejects with StorageError "invalid-record" (its `issues` list every clash) or another StorageError. */
export async function importBundleInto(
  db: NotebookDb,
  runs: RunRecord[],
  artifacts: ArtifactRecord[],
  onProgress?: (done: number) => void,
): Promise<BundleImportResult> {
  const tx = (db as unknown as IDBPDatabase).transaction(["runs", "runSummaries", "artifacts"], "readwrite");
  tx.done.catch(() => undefined);
  const runsStore = tx.objectStore("runs") as unknown as Store;
  try {
    const { fresh, skipped, clashes } = await sortRuns(runsStore, runs);
    if (clashes.length > 0) {
      abortQuietly(tx);
      const message = `Could not import: ${clashes.length} run(s) clash with stored runs, nothing was saved (${clashes.slice(0, 3).join("; ")}).`;
      throw new StorageError("invalid-record", message, { issues: clashes });
    }
    const store = tx.objectStore("artifacts") as unknown as Store;
    const renamed = await writeArtifacts(
      store,
      artifacts.filter((a) => fresh.has(a.runId)),
    );
    const summaries = tx.objectStore("runSummaries") as unknown as Store;
    await writeRuns(
      runsStore,
      summaries,
      runs.filter((run) => fresh.has(run.runId)),
      renamed,
      onProgress,
    );
    await tx.done;
    return { imported: [...fresh], skipped };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}
