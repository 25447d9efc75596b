/**
 * Validated reads and writes shared by the repositories: every read migrates
 * (in memory) and validates; records that fail are returned as `InvalidRecord`s,
 * never dropped; writes validate first and never replace a record from a
 * newer app version, nor an unreadable one unless the caller says so.
 */
import type { IDBPDatabase } from "idb";
import type { RestoreResult } from "../core/tracking/migrations";
import type { ValidationResult } from "../core/tracking/schemas";
import type { NotebookDb, StoreName } from "./db";
import { StorageError, toStorageError } from "./storage-error";

/** A stored record that could not be read: where it is, why, and its raw value (for export or repair). */
export interface InvalidRecord {
  store: StoreName;
  key: IDBValidKey;
  /** Readable problems, each naming a field, e.g. `"backend.used: Invalid option: ..."`. */
  issues: string[];
  /** True when the record comes from a newer app version (reload to update). */
  tooNew: boolean;
  value: unknown;
}

/** Result of reading one record: `record` is undefined when absent or invalid (then `invalid` says why). */
export interface GetResult<T> {
  record: T | undefined;
  invalid: InvalidRecord[];
}

/** Options of a write. */
export interface PutOptions {
  /**
   * Replace a stored record that failed validation (the learner chose to
   * discard it). Records from a newer app version are never replaced.
   */
  overwriteInvalid?: boolean;
}

/** Valid records and the invalid ones, in read order. */
export interface Classified<T> {
  records: T[];
  invalid: InvalidRecord[];
}

/** How to restore (migrate + validate) one kind of record. */
export type Restore<T> = (raw: unknown) => RestoreResult<T>;

/** Where to read from: a whole store, a key range of it, or a key of one of its indexes. */
export interface ReadQuery {
  index?: string;
  query?: IDBValidKey | IDBKeyRange;
}

/** The untyped view used by the generic helpers (the store name is checked by callers' types). */
function loose(db: NotebookDb): IDBPDatabase {
  return db as unknown as IDBPDatabase;
}

/** Sorts entries into valid records and `InvalidRecord`s. Pure. */
export function classify<T>(
  store: StoreName,
  entries: { key: IDBValidKey; value: unknown }[],
  restore: Restore<T>,
): Classified<T> {
  const result: Classified<T> = { records: [], invalid: [] };
  for (const { key, value } of entries) {
    const restored = restore(value);
    if (restored.ok) result.records.push(restored.record);
    else result.invalid.push({ store, key, issues: restored.issues, tooNew: restored.tooNew, value });
  }
  return result;
}

/** Runs `operation`, turning any failure into a StorageError about `action`. */
export async function guard<T>(action: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorageError(error, action);
  }
}

/** Reads one record by primary key, restored. */
export function getOne<T>(
  db: NotebookDb,
  store: StoreName,
  key: IDBValidKey,
  restore: Restore<T>,
): Promise<GetResult<T>> {
  return guard(`read from ${store}`, async () => {
    const value: unknown = await loose(db).get(store, key);
    if (value === undefined) return { record: undefined, invalid: [] };
    const { records, invalid } = classify(store, [{ key, value }], restore);
    return { record: records[0], invalid };
  });
}

/** Reads many records (with their primary keys, so invalid ones can be named), restored. */
export function getMany<T>(
  db: NotebookDb,
  store: StoreName,
  restore: Restore<T>,
  read: ReadQuery = {},
): Promise<Classified<T>> {
  return guard(`read from ${store}`, async () => {
    const tx = loose(db).transaction(store, "readonly");
    const source = read.index === undefined ? tx.store : tx.store.index(read.index);
    const [keys, values] = await Promise.all([source.getAllKeys(read.query), source.getAll(read.query), tx.done]);
    return classify(
      store,
      values.map((value: unknown, i) => ({ key: keys[i], value })),
      restore,
    );
  });
}

/** Throws when a validation failed, with the issues attached. */
export function assertValid<T>(result: ValidationResult<T>, what: string): T {
  if (result.ok) return result.record;
  const message = `Could not save the ${what}: it is not valid (${result.issues.join("; ")}).`;
  throw new StorageError("invalid-record", message, { issues: result.issues });
}

/** Why an existing stored value may not be replaced, or undefined when it may. */
export function replaceRefusal<T>(
  existing: unknown,
  restore: Restore<T>,
  what: string,
  options: PutOptions,
): StorageError | undefined {
  if (existing === undefined) return undefined;
  const restored = restore(existing);
  if (restored.ok) return undefined;
  if (restored.tooNew) {
    const message = `The saved ${what} was written by a newer version of the app, so it was left unchanged and nothing was saved. Reload the page to update the app, or use "Download and replace" to keep a copy and save over it.`;
    return new StorageError("invalid-record", message, { issues: restored.issues });
  }
  if (options.overwriteInvalid) return undefined;
  const message = `The saved ${what} here is damaged, so it was kept and nothing was saved. Use "Download and replace" to keep a copy of it and save over it.`;
  return new StorageError("invalid-record", message, { issues: restored.issues });
}

/**
 * Writes a validated record at `key` in one readwrite transaction, unless the
 * record already there may not be replaced (see `replaceRefusal`).
 */
export function putChecked<T>(
  db: NotebookDb,
  store: StoreName,
  key: IDBValidKey,
  record: T,
  restore: Restore<T>,
  what: string,
  options: PutOptions = {},
): Promise<void> {
  return guard(`save the ${what}`, async () => {
    const tx = loose(db).transaction(store, "readwrite");
    // Awaited below on success; this only keeps an abort from being an unhandled rejection.
    tx.done.catch(() => undefined);
    const refusal = replaceRefusal(await tx.store.get(key), restore, what, options);
    if (refusal) {
      await tx.done;
      throw refusal;
    }
    await Promise.all([tx.store.put(record), tx.done]);
  });
}

/**
 * Deletes the record at `key` only if it still fails `restore` (damaged, or
 * from a newer app version), in one transaction, so a valid record another
 * tab wrote meanwhile is never lost. Resolves true when it deleted one. The
 * caller keeps a copy first (`damagedRecordFile`).
 */
export function discardInvalid<T>(
  db: NotebookDb,
  store: StoreName,
  key: IDBValidKey,
  restore: Restore<T>,
): Promise<boolean> {
  return guard(`replace the damaged record in ${store}`, async () => {
    const tx = loose(db).transaction(store, "readwrite");
    tx.done.catch(() => undefined);
    const value: unknown = await tx.store.get(key);
    const damaged = value !== undefined && !restore(value).ok;
    if (damaged) await tx.store.delete(key);
    await tx.done;
    return damaged;
  });
}
