/**
 * Runs with their summaries and artifacts, in the stores "runs",
 * "runSummaries" and "artifacts": saving a run with its artifacts in one
 * transaction, the Runs page's reads through indexes and cursors, tags and
 * notes, delete with undo, artifact reads that verify SHA-256, and page-wise
 * export. Summaries are a cache: `syncSummaries` rebuilds them when they do
 * not match the runs (e.g. runs written by the older runs repository).
 */
import type { IDBPDatabase } from "idb";
import { validateArtifact, verifyArtifact, type ArtifactRead, type ArtifactRecord } from "../core/tracking/artifacts";
import { restoreRun } from "../core/tracking/migrations";
import {
  buildRunSummary,
  compareSummariesNewestFirst,
  isCurrentSummary,
  type RunSummary,
} from "../core/tracking/run-summary";
import { validateRun, type ValidationResult } from "../core/tracking/schemas";
import type { RunId, RunRecord } from "../core/tracking/types";
import type { NotebookDb } from "./db";
import { assertValid, guard, type InvalidRecord } from "./record-io";
import { StorageError } from "./storage-error";
import { importBundleInto, type BundleImportResult } from "./tracking-import";

/** A deleted run as it was stored, so Undo can put it back. */
export interface DeletedRun {
  run: unknown;
  summary: unknown;
  artifacts: unknown[];
}

/** An untyped view, for stores and indexes the generic helpers name by string. */
function loose(db: NotebookDb): IDBPDatabase {
  return db as unknown as IDBPDatabase;
}

/** The version in an artifact id `<lesson>/<name>@v<n>` (0 when it has none). */
function versionOf(id: IDBValidKey): number {
  const match = /@v(\d+)$/.exec(String(id));
  return match ? Number(match[1]) : 0;
}

/** Artifacts of a run before they have versions: name, media type, text, size and checksum. */
export type PreparedArtifact = Omit<ArtifactRecord, "id" | "version">;

/** Saves a run, its summary and its artifacts (versioned here) in one transaction; returns the saved run. */
async function saveRunTx(db: NotebookDb, run: RunRecord, prepared: PreparedArtifact[]): Promise<RunRecord> {
  const tx = loose(db).transaction(["runs", "runSummaries", "artifacts"], "readwrite");
  tx.done.catch(() => undefined);
  const artifacts = tx.objectStore("artifacts");
  const ids: string[] = [];
  for (const item of prepared) {
    const keys = await artifacts.index("byName").getAllKeys(IDBKeyRange.only([item.lessonId, item.name]));
    const version = keys.reduce<number>((max, key) => Math.max(max, versionOf(key)), 0) + 1;
    const record: ArtifactRecord = { ...item, id: `${item.lessonId}/${item.name}@v${version}`, version };
    await artifacts.put(record);
    ids.push(record.id);
  }
  const saved: RunRecord = ids.length ? { ...run, artifactIds: ids } : run;
  await tx.objectStore("runs").put(saved);
  await tx.objectStore("runSummaries").put(buildRunSummary(saved));
  await tx.done;
  return saved;
}

/** Validated runs of `ids` (missing or invalid ones left out), in the order asked. */
async function getRuns(db: NotebookDb, ids: readonly string[]): Promise<RunRecord[]> {
  const tx = loose(db).transaction("runs", "readonly");
  const values = await Promise.all(ids.map((id) => tx.store.get(id)));
  return values.flatMap((value) => {
    const restored = value === undefined ? null : restoreRun(value);
    return restored?.ok ? [restored.record] : [];
  });
}

/** Reads `keys` of "runs" and puts a summary for each readable one; returns the unreadable ones. */
async function summariseRuns(db: NotebookDb, keys: IDBValidKey[]): Promise<InvalidRecord[]> {
  const invalid: InvalidRecord[] = [];
  for (let from = 0; from < keys.length; from += 500) {
    const tx = loose(db).transaction(["runs", "runSummaries"], "readwrite");
    const values = await Promise.all(keys.slice(from, from + 500).map((key) => tx.objectStore("runs").get(key)));
    values.forEach((value: unknown, i) => {
      const restored = restoreRun(value);
      if (restored.ok) void tx.objectStore("runSummaries").put(buildRunSummary(restored.record));
      else {
        const { issues, tooNew } = restored;
        invalid.push({ store: "runs", key: keys[from + i], issues, tooNew, value });
      }
    });
    await tx.done;
  }
  return invalid;
}

/**
 * Brings the summaries in line with the runs by comparing keys only (cheap
 * for 10,000 runs): runs without a summary (written by the older runs
 * repository, or unreadable) are read and summarised, summaries of runs that
 * are gone are deleted. Returns the stored runs that cannot be read.
 */
async function syncSummaries(db: NotebookDb): Promise<InvalidRecord[]> {
  const [runKeys, summaryKeys] = await Promise.all([
    loose(db).getAllKeys("runs"),
    loose(db).getAllKeys("runSummaries"),
  ]);
  const runSet = new Set(runKeys.map(String));
  const summarySet = new Set(summaryKeys.map(String));
  const stale = summaryKeys.filter((key) => !runSet.has(String(key)));
  if (stale.length > 0) {
    const tx = loose(db).transaction("runSummaries", "readwrite");
    await Promise.all([...stale.map((key) => tx.store.delete(key)), tx.done]);
  }
  return summariseRuns(
    db,
    runKeys.filter((key) => !summarySet.has(String(key))),
  );
}

/** Newest-first summaries through the byCreatedAt index: at most `limit`, or all. */
async function newestSummaries(db: NotebookDb, limit?: number): Promise<RunSummary[]> {
  const tx = loose(db).transaction("runSummaries", "readonly");
  const out: RunSummary[] = [];
  if (limit === undefined) {
    const all = (await tx.store.index("byCreatedAt").getAll()) as unknown[];
    for (let i = all.length - 1; i >= 0; i--) if (isCurrentSummary(all[i])) out.push(all[i] as RunSummary);
    return out;
  }
  let cursor = await tx.store.index("byCreatedAt").openCursor(null, "prev");
  while (cursor && out.length < limit) {
    if (isCurrentSummary(cursor.value)) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Summaries whose index `index` holds `key`, newest first. */
async function summariesBy(db: NotebookDb, index: string, key: IDBValidKey): Promise<RunSummary[]> {
  const values = (await loose(db).getAllFromIndex("runSummaries", index, key)) as unknown[];
  return values.filter(isCurrentSummary).sort(compareSummariesNewestFirst);
}

async function deleteRunTx(db: NotebookDb, runId: string): Promise<DeletedRun> {
  const tx = loose(db).transaction(["runs", "runSummaries", "artifacts"], "readwrite");
  tx.done.catch(() => undefined);
  const artifactsStore = tx.objectStore("artifacts");
  const run: unknown = await tx.objectStore("runs").get(runId);
  const summary: unknown = await tx.objectStore("runSummaries").get(runId);
  const artifacts = (await artifactsStore.index("byRun").getAll(runId)) as unknown[];
  const keys = await artifactsStore.index("byRun").getAllKeys(runId);
  await Promise.all([
    tx.objectStore("runs").delete(runId),
    tx.objectStore("runSummaries").delete(runId),
    ...keys.map((key) => artifactsStore.delete(key)),
  ]);
  await tx.done;
  return { run, summary, artifacts };
}

async function undoDeleteTx(db: NotebookDb, deleted: DeletedRun): Promise<void> {
  if (deleted.run === undefined) return;
  const tx = loose(db).transaction(["runs", "runSummaries", "artifacts"], "readwrite");
  tx.done.catch(() => undefined);
  const puts = [
    tx.objectStore("runs").put(deleted.run),
    ...deleted.artifacts.map((a) => tx.objectStore("artifacts").put(a)),
  ];
  if (deleted.summary !== undefined) puts.push(tx.objectStore("runSummaries").put(deleted.summary));
  await Promise.all(puts);
  await tx.done;
}

async function updateLabelsTx(
  db: NotebookDb,
  runId: string,
  labels: { tags: string[]; note: string },
): Promise<RunRecord> {
  const tx = loose(db).transaction(["runs", "runSummaries"], "readwrite");
  tx.done.catch(() => undefined);
  const restored = restoreRun(await tx.objectStore("runs").get(runId));
  if (!restored.ok)
    throw new StorageError("invalid-record", `Run ${runId} could not be read: ${restored.issues.join("; ")}`);
  const updated = assertValid(validateRun({ ...restored.record, tags: labels.tags, note: labels.note }), "run");
  await tx.objectStore("runs").put(updated);
  await tx.objectStore("runSummaries").put(buildRunSummary(updated));
  await tx.done;
  return updated;
}

/** A page of raw values of a store in key order, after `after` (exclusive). */
async function readPage(db: NotebookDb, store: "runs" | "artifacts", after: IDBValidKey | undefined, count: number) {
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  const tx = loose(db).transaction(store, "readonly");
  const [keys, values] = await Promise.all([tx.store.getAllKeys(range, count), tx.store.getAll(range, count)]);
  return { keys, values: values as unknown[] };
}

/** Validates every run and artifact of an import, or throws one StorageError listing all issues (nothing written). */
function validateImport(runs: RunRecord[], artifacts: ArtifactRecord[]) {
  const issues: string[] = [];
  const check = <T>(result: ValidationResult<T>, label: string): T[] => {
    if (result.ok) return [result.record];
    issues.push(...result.issues.map((issue) => `${label}: ${issue}`));
    return [];
  };
  const valid = {
    runs: runs.flatMap((run, i) => check(validateRun(run), `run ${i + 1}`)),
    artifacts: artifacts.flatMap((artifact, i) => check(validateArtifact(artifact), `artifact ${i + 1}`)),
  };
  if (issues.length === 0) return valid;
  const message = `Could not import: ${issues.length} problem(s), nothing was saved (${issues.slice(0, 3).join("; ")}).`;
  throw new StorageError("invalid-record", message, { issues });
}

/** The tracking repository over an open notebook database. Methods reject only with StorageError. */
export function createTrackingRepo(db: NotebookDb) {
  return {
    /** Validates and saves a run with its artifacts; returns the run as saved (with `artifactIds`). */
    saveRun: async (run: RunRecord, artifacts: PreparedArtifact[] = []): Promise<RunRecord> => {
      const valid = assertValid(validateRun(run), "run");
      return guard("save the run", () => saveRunTx(db, valid, artifacts));
    },
    /** One run, restored; undefined when missing or unreadable. */
    getRun: async (runId: string): Promise<RunRecord | undefined> =>
      (await guard("read the run", () => getRuns(db, [runId])))[0],
    getRuns: (ids: readonly string[]) => guard("read the runs", () => getRuns(db, ids)),
    /** Summarises runs that have no summary yet and drops summaries of deleted runs; returns the unreadable runs. */
    syncSummaries: () => guard("index the runs", () => syncSummaries(db)),
    /** Newest runs first (at most `limit`, or all) through the createdAt index. */
    newestSummaries: (limit?: number) => guard("list the runs", () => newestSummaries(db, limit)),
    /** Runs whose index (byLesson, byExperiment, byBackend, byTag, bySweep, byReplayOf) holds `key`. */
    summariesBy: (index: string, key: string) => guard("list the runs", () => summariesBy(db, index, key)),
    /** The run's artifacts, each verified against its SHA-256. */
    artifactsOf: (runId: string) =>
      guard("read the artifacts", async () => {
        const values = (await loose(db).getAllFromIndex("artifacts", "byRun", runId)) as unknown[];
        return Promise.all(values.map(verifyArtifact));
      }),
    /** One artifact, verified against its SHA-256 (an error when it does not match). */
    readArtifact: (id: string) =>
      guard("read the artifact", async (): Promise<ArtifactRead> => {
        const value: unknown = await loose(db).get("artifacts", id);
        return value === undefined ? { ok: false, error: `Artifact ${id} is not stored here.` } : verifyArtifact(value);
      }),
    setLabels: (runId: RunId | string, labels: { tags: string[]; note: string }) =>
      guard("save the tags and note", () => updateLabelsTx(db, runId, labels)),
    deleteRun: (runId: string) => guard("delete the run", () => deleteRunTx(db, runId)),
    undoDelete: (deleted: DeletedRun) => guard("restore the run", () => undoDeleteTx(db, deleted)),
    countRuns: () => guard("count the runs", () => loose(db).count("runs")),
    readRunsPage: (after: IDBValidKey | undefined, count: number) =>
      guard("read the runs", () => readPage(db, "runs", after, count)),
    readArtifactsPage: (after: IDBValidKey | undefined, count: number) =>
      guard("read the artifacts", () => readPage(db, "artifacts", after, count)),
    /** Writes checked runs and artifacts in one transaction: all or nothing (see tracking-import.ts). */
    importBundle: async (
      runs: RunRecord[],
      artifacts: ArtifactRecord[],
      onProgress?: (done: number) => void,
    ): Promise<BundleImportResult> => {
      const valid = validateImport(runs, artifacts);
      return guard("import the runs", () => importBundleInto(db, valid.runs, valid.artifacts, onProgress));
    },
  };
}

/** The tracking repository's methods. */
export type TrackingRepo = ReturnType<typeof createTrackingRepo>;
