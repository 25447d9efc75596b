/**
 * Helpers for storage tests: a fresh in-memory IndexedDB per test
 * (fake-indexeddb), and a database as the first app version left it.
 * Only tests import this module.
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import type { NotebookDb } from "./db";
import { DB_NAME, openNotebookDb } from "./db";

/** A new, empty IndexedDB, independent of every other test. */
export function freshFactory(): IDBFactory {
  return new IDBFactory();
}

/** The notebook database opened on a fresh, empty IndexedDB. */
export async function freshDb(): Promise<{ db: NotebookDb; factory: IDBFactory }> {
  const factory = freshFactory();
  return { db: await openNotebookDb(factory), factory };
}

/** Opens `DB_NAME` at `version` with the raw API, running `upgrade` if it is created; resolves with the connection. */
export function openRaw(
  factory: IDBFactory,
  version: number,
  upgrade: (db: IDBDatabase) => void = () => {},
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Creates the database as app version 1 did: only a "drafts" store with
 * keyPath "key" (`${lessonId}/${exerciseId}`) holding `drafts` (version-0
 * records, or anything a test wants to find there). Closes it after.
 */
export async function createLegacyV1Db(factory: IDBFactory, drafts: unknown[]): Promise<void> {
  const db = await openRaw(factory, 1, (created) => {
    const store = created.createObjectStore("drafts", { keyPath: "key" });
    for (const draft of drafts) store.put(draft);
  });
  db.close();
}
