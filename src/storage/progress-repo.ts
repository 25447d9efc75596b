/**
 * Progress (the last check verdicts per exercise) in the "progress" store,
 * keyed by `[lessonId, exerciseId]`. Reads validate and migrate in memory.
 */
import { restoreProgress } from "../core/tracking/migrations";
import { validateProgress } from "../core/tracking/schemas";
import type { ProgressRecord } from "../core/tracking/types";
import type { NotebookDb } from "./db";
import { lessonKeyRange } from "./drafts-repo";
import type { GetResult, InvalidRecord, PutOptions } from "./record-io";
import { assertValid, discardInvalid, getMany, getOne, putChecked } from "./record-io";

/** Progress records: the valid ones (by lessonId, then exerciseId) and those that failed validation. */
export interface ProgressList {
  progress: ProgressRecord[];
  invalid: InvalidRecord[];
}

/** Reads and writes progress. All methods reject only with StorageError. */
export interface ProgressRepo {
  /** The progress of one exercise; `record` undefined when none or invalid (see `invalid`). */
  get(lessonId: string, exerciseId: string): Promise<GetResult<ProgressRecord>>;
  /** Validates and saves the progress of one exercise (replacing the previous one). */
  put(progress: ProgressRecord, options?: PutOptions): Promise<void>;
  /** Progress of every exercise of one lesson. */
  listByLesson(lessonId: string): Promise<ProgressList>;
  /** Progress of every exercise of every lesson (for the course overview). */
  listAll(): Promise<ProgressList>;
  /** Deletes the stored progress of an exercise only if it is still unreadable; true when it did. */
  discardInvalid(lessonId: string, exerciseId: string): Promise<boolean>;
}

/** A progress repository over an open notebook database. */
export function createProgressRepo(db: NotebookDb): ProgressRepo {
  return {
    get: (lessonId, exerciseId) => getOne(db, "progress", [lessonId, exerciseId], restoreProgress),
    put: async (progress, options) => {
      const record = assertValid(validateProgress(progress), "progress");
      await putChecked(
        db,
        "progress",
        [record.lessonId, record.exerciseId],
        record,
        restoreProgress,
        "progress",
        options,
      );
    },
    listByLesson: async (lessonId) => {
      const { records, invalid } = await getMany(db, "progress", restoreProgress, { query: lessonKeyRange(lessonId) });
      return { progress: records, invalid };
    },
    listAll: async () => {
      const { records, invalid } = await getMany(db, "progress", restoreProgress);
      return { progress: records, invalid };
    },
    discardInvalid: (lessonId, exerciseId) => discardInvalid(db, "progress", [lessonId, exerciseId], restoreProgress),
  };
}
