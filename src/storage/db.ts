// Persists drafts, progress, runs, artifacts, settings and local lesson files in the browser's IndexedDB database "ml-notebook".
import { wrap } from "idb";
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from "idb";
import { migrateRecord } from "../core/tracking/migrations";
import { STORAGE_MESSAGES, StorageError, toStorageError } from "./storage-error";

/** Name of the IndexedDB database. */
export const DB_NAME = "ml-notebook";

/**
 * Version of the database layout (stores, key paths, indexes), not of records.
 * DO NOT CHANGE WITHOUT ADDING MIGRATION LOGIC to `upgradeNotebookDb`: browsers
 * keep databases of every version users ever opened.
 * History: 1 = one "drafts" store, keyPath "key" = `${lessonId}/${exerciseId}`,
 * holding version-0 drafts; 2 = drafts, progress, runs, artifacts, settings;
 * 3 = adds "localLessons" (lessons opened from local files);
 * 4 = adds "runSummaries" (a derived, rebuildable list of runs with indexes for
 * the Runs page) and the "artifacts" indexes byRun and byName.
 */
export const DB_VERSION = 4;

/**
 * Layout of the database. Values are `unknown` on purpose: whatever is stored
 * may be old or damaged, so every read goes through migrate + validate.
 */
export interface NotebookDbSchema extends DBSchema {
  drafts: { key: [string, string]; value: unknown };
  progress: { key: [string, string]; value: unknown };
  runs: { key: string; value: unknown; indexes: { byLesson: string; byCreatedAt: string } };
  artifacts: { key: string; value: unknown; indexes: { byRun: string; byName: [string, string] } };
  runSummaries: {
    key: string;
    value: unknown;
    indexes: {
      byCreatedAt: string;
      byLesson: string;
      byExperiment: string;
      byBackend: string;
      byTag: string;
      bySweep: string;
      byReplayOf: string;
    };
  };
  settings: { key: string; value: unknown };
  localLessons: { key: string; value: unknown };
}

/** An open connection to the notebook database. */
export type NotebookDb = IDBPDatabase<NotebookDbSchema>;
/** Names of the stores. */
export type StoreName = StoreNames<NotebookDbSchema>;

type UpgradeTx = IDBPTransaction<NotebookDbSchema, StoreName[], "versionchange">;

/** Options of `openNotebookDb`. */
export interface OpenOptions {
  /**
   * Called when another tab wants a newer database version. This connection
   * is closed right after, so the other tab can upgrade; later operations
   * fail with StorageError "unavailable" ("Reload the page").
   */
  onVersionChange?: () => void;
}

/** Creates the stores of DB_VERSION 2 that do not exist yet. */
function createStoresV2(db: NotebookDb): void {
  const names = db.objectStoreNames;
  if (!names.contains("drafts")) db.createObjectStore("drafts", { keyPath: ["lessonId", "exerciseId"] });
  if (!names.contains("progress")) db.createObjectStore("progress", { keyPath: ["lessonId", "exerciseId"] });
  if (!names.contains("runs")) {
    const runs = db.createObjectStore("runs", { keyPath: "runId" });
    runs.createIndex("byLesson", "lessonId");
    runs.createIndex("byCreatedAt", "createdAt");
  }
  if (!names.contains("artifacts")) db.createObjectStore("artifacts", { keyPath: "id" });
  if (!names.contains("settings")) db.createObjectStore("settings", { keyPath: "key" });
}

/** Creates the store DB_VERSION 3 added, if it does not exist yet. */
function createStoresV3(db: NotebookDb): void {
  if (!db.objectStoreNames.contains("localLessons")) db.createObjectStore("localLessons", { keyPath: "lessonId" });
}

/** Creates what DB_VERSION 4 added, if missing: the runSummaries store and the artifacts indexes. */
function createStoresV4(db: NotebookDb, tx: UpgradeTx): void {
  if (!db.objectStoreNames.contains("runSummaries")) {
    const summaries = db.createObjectStore("runSummaries", { keyPath: "runId" });
    summaries.createIndex("byCreatedAt", "createdAt");
    summaries.createIndex("byLesson", "lessonId");
    summaries.createIndex("byExperiment", "experimentId");
    summaries.createIndex("byBackend", "backend");
    summaries.createIndex("byTag", "tags", { multiEntry: true });
    summaries.createIndex("bySweep", "sweepId");
    summaries.createIndex("byReplayOf", "replayOf");
  }
  const artifacts = tx.objectStore("artifacts");
  if (!artifacts.indexNames.contains("byRun")) artifacts.createIndex("byRun", "runId");
  if (!artifacts.indexNames.contains("byName")) artifacts.createIndex("byName", ["lessonId", "name"]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A version-1 draft made ready for the version-2 drafts store: migrated to
 * the current schema when possible, otherwise kept as is (reads will report
 * it). When its ids are unusable as a key, the whole original value is
 * wrapped as `{ lessonId, exerciseId, legacyKey, legacyValue }` with ids taken
 * from the old key, so nothing is lost.
 */
export function legacyDraftToV2(raw: unknown, legacyKey: IDBValidKey): Record<string, unknown> {
  const migrated = migrateRecord("draft", raw);
  const value = migrated.ok ? migrated.record : raw;
  if (isObject(value) && typeof value.lessonId === "string" && typeof value.exerciseId === "string") return value;
  const key = String(legacyKey);
  const slash = key.indexOf("/");
  const lessonId = slash < 0 ? key : key.slice(0, slash);
  const exerciseId = slash < 0 ? "" : key.slice(slash + 1);
  return { lessonId, exerciseId, legacyKey, legacyValue: raw };
}

/** DB version 1 -> 2: reads the old drafts, replaces their store, writes them back migrated. */
async function upgradeFromV1(db: NotebookDb, tx: UpgradeTx): Promise<void> {
  // Version 1's drafts store had keyPath "key"; its typing here is version 2's.
  const legacy = tx.objectStore("drafts") as unknown as IDBPObjectStore<unknown, string[], string, "versionchange">;
  const [keys, values] = await Promise.all([legacy.getAllKeys(), legacy.getAll()]);
  db.deleteObjectStore("drafts");
  createStoresV2(db);
  const drafts = tx.objectStore("drafts");
  await Promise.all(values.map((value, i) => drafts.put(legacyDraftToV2(value, keys[i]))));
}

/**
 * Brings the database from `oldVersion` (0 = new) to DB_VERSION inside the
 * versionchange transaction. Add a branch here whenever DB_VERSION changes.
 */
export async function upgradeNotebookDb(db: NotebookDb, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion === 1 && db.objectStoreNames.contains("drafts")) await upgradeFromV1(db, tx);
  createStoresV2(db);
  createStoresV3(db);
  createStoresV4(db, tx);
}

function startOpen(factory: IDBFactory | undefined): IDBOpenDBRequest {
  const idbFactory = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idbFactory) throw new StorageError("unavailable", STORAGE_MESSAGES.noIndexedDb);
  try {
    return idbFactory.open(DB_NAME, DB_VERSION);
  } catch (error) {
    throw toStorageError(error, "open the notebook's storage");
  }
}

/** Aborts a transaction that may already have finished. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished: the open request reports what happened.
  }
}

function listenForUpgrade(request: IDBOpenDBRequest): void {
  request.addEventListener("upgradeneeded", (event) => {
    const db = wrap(request.result) as NotebookDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
    // The open request reports the outcome; this only keeps an abort from being an unhandled rejection.
    tx.done.catch(() => undefined);
    // An upgrade that fails aborts, so the database stays at its old version, intact.
    upgradeNotebookDb(db, event.oldVersion, tx).catch(() => abortQuietly(tx));
  });
}

/**
 * Opens (creating or upgrading) the notebook database. `factory` defaults to
 * the browser's `indexedDB`; tests pass a fresh fake-indexeddb `IDBFactory`.
 * Rejects with StorageError: "blocked" when another tab holds an older
 * version open, "unavailable" when storage is missing, denied or newer.
 */
export function openNotebookDb(factory?: IDBFactory, options: OpenOptions = {}): Promise<NotebookDb> {
  return new Promise<NotebookDb>((resolve, reject) => {
    const request = startOpen(factory);
    let blocked = false;
    listenForUpgrade(request);
    request.addEventListener("blocked", () => {
      blocked = true;
      reject(new StorageError("blocked", STORAGE_MESSAGES.blocked));
    });
    request.addEventListener("success", () => {
      const db = wrap(request.result) as NotebookDb;
      // We already told the caller it is blocked; a late success must not leak a connection.
      if (blocked) return db.close();
      db.addEventListener("versionchange", () => {
        db.close();
        options.onVersionChange?.();
      });
      resolve(db);
    });
    request.addEventListener("error", (event) => {
      event.preventDefault();
      reject(toStorageError(request.error, "open the notebook's storage"));
    });
  });
}
