/**
 * Tracked experiment runs in the "runs" store, keyed by `runId`. Runs are
 * written once; listing is newest first. Reads validate and migrate in memory.
 */
import type { IDBPDatabase } from "idb";
import { restoreRun } from "../core/tracking/migrations";
import { validateRun } from "../core/tracking/schemas";
import type { RunId, RunRecord } from "../core/tracking/types";
import type { NotebookDb } from "./db";
import type { GetResult, InvalidRecord, PutOptions } from "./record-io";
import { assertValid, discardInvalid, getMany, getOne, guard, putChecked } from "./record-io";
import { StorageError } from "./storage-error";

/** Runs, newest first, and the stored runs that failed validation (in key order). */
export interface RunList {
  runs: RunRecord[];
  invalid: InvalidRecord[];
}

/** Outcome of `importMany`: ids written, and ids skipped because a run with that id is already stored. */
export interface ImportResult {
  imported: RunId[];
  skipped: RunId[];
}

/** Reads and writes runs. All methods reject only with StorageError. */
export interface RunsRepo {
  /** Validates and saves one run. */
  put(run: RunRecord, options?: PutOptions): Promise<void>;
  /** One run; `record` undefined when none or invalid (see `invalid`). */
  get(runId: RunId): Promise<GetResult<RunRecord>>;
  /** All runs, or those of one lesson, newest `createdAt` first (ties by runId). */
  list(filter?: { lessonId?: string }): Promise<RunList>;
  /** Deletes one run, valid or not. Deleting a missing run does nothing. */
  delete(runId: RunId): Promise<void>;
  /**
   * Saves runs from an import, all or nothing: every run is validated first
   * (rejects with "invalid-record" naming `run N`), then all new ones are
   * written in one transaction. Stored runs are never replaced: one already
   * stored with the same content is skipped, one with other content rejects
   * the whole import ("invalid-record", nothing written).
   */
  importMany(runs: RunRecord[]): Promise<ImportResult>;
  /** Deletes the stored run at `runId` only if it is still unreadable (see `discardInvalid`). */
  discardInvalid(runId: RunId): Promise<boolean>;
}

/** Newest first by time; runs at the same time by runId. Pure. */
export function compareRunsNewestFirst(a: RunRecord, b: RunRecord): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0) return byTime;
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}

/** Validates every run, or throws one StorageError listing all issues as `run N: field: ...`. */
function validateAll(runs: RunRecord[]): RunRecord[] {
  const issues: string[] = [];
  const valid: RunRecord[] = [];
  runs.forEach((run, i) => {
    const result = validateRun(run);
    if (result.ok) valid.push(result.record);
    else issues.push(...result.issues.map((issue) => `run ${i + 1}: ${issue}`));
  });
  if (issues.length === 0) return valid;
  const message = `Could not import: ${issues.length} problem(s) in the runs, nothing was saved (${issues.slice(0, 3).join("; ")}).`;
  throw new StorageError("invalid-record", message, { issues });
}

/** Undoes a transaction's writes; does nothing when it has already finished. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing left to undo.
  }
}

/** JSON with object keys sorted, so two records with the same content compare equal whatever their key order. */
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
 * Writes the runs whose ids are not stored yet, in one transaction that is
 * aborted on any failure. A stored run with the same content is skipped; one
 * with the same id but other content (or unreadable) aborts the whole import.
 */
async function writeNew(db: NotebookDb, runs: RunRecord[]): Promise<ImportResult> {
  const tx = (db as unknown as IDBPDatabase).transaction("runs", "readwrite");
  tx.done.catch(() => undefined);
  const result: ImportResult = { imported: [], skipped: [] };
  const conflicts: string[] = [];
  try {
    for (const [index, run] of runs.entries()) {
      const stored: unknown = await tx.store.get(run.runId);
      if (stored === undefined) {
        await tx.store.put(run);
        result.imported.push(run.runId);
        continue;
      }
      const restored = restoreRun(stored);
      if (restored.ok && canonicalJson(restored.record) === canonicalJson(run)) result.skipped.push(run.runId);
      else conflicts.push(`run ${index + 1}: runId: a different run with id "${run.runId}" is already stored`);
    }
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  if (conflicts.length > 0) {
    abortQuietly(tx);
    const message = `Could not import: ${conflicts.length} run(s) clash with stored runs, nothing was saved (${conflicts.slice(0, 3).join("; ")}).`;
    throw new StorageError("invalid-record", message, { issues: conflicts });
  }
  await tx.done;
  return result;
}

/** A runs repository over an open notebook database. */
export function createRunsRepo(db: NotebookDb): RunsRepo {
  return {
    put: async (run, options) => {
      const record = assertValid(validateRun(run), "run");
      await putChecked(db, "runs", record.runId, record, restoreRun, "run", options);
    },
    get: (runId) => getOne(db, "runs", runId, restoreRun),
    list: async (filter = {}) => {
      const read = filter.lessonId === undefined ? {} : { index: "byLesson", query: filter.lessonId };
      const { records, invalid } = await getMany(db, "runs", restoreRun, read);
      return { runs: records.sort(compareRunsNewestFirst), invalid };
    },
    delete: (runId) => guard("delete the run", () => db.delete("runs", runId)),
    discardInvalid: (runId) => discardInvalid(db, "runs", runId, restoreRun),
    importMany: async (runs) => {
      const valid = validateAll(runs);
      return guard("import the runs", () => writeNew(db, valid));
    },
  };
}
