/**
 * Drafts (the learner's code per exercise) in the "drafts" store, keyed by
 * `[lessonId, exerciseId]`. Reads validate and migrate old drafts in memory.
 */
import { restoreDraft } from "../core/tracking/migrations";
import { validateDraft } from "../core/tracking/schemas";
import type { DraftRecord } from "../core/tracking/types";
import type { NotebookDb } from "./db";
import type { GetResult, InvalidRecord, PutOptions } from "./record-io";
import { assertValid, discardInvalid, getMany, getOne, putChecked } from "./record-io";

/** Every key `[lessonId, *]` of a store keyed by `[lessonId, exerciseId]` (arrays sort after all other keys). */
export function lessonKeyRange(lessonId: string): IDBKeyRange {
  return IDBKeyRange.bound([lessonId], [lessonId, []]);
}

/** Drafts of one lesson: the valid ones (by exerciseId) and those that failed validation. */
export interface DraftList {
  drafts: DraftRecord[];
  invalid: InvalidRecord[];
}

/** Reads and writes drafts. All methods reject only with StorageError. */
export interface DraftsRepo {
  /** The draft of one exercise; `record` undefined when none or invalid (see `invalid`). */
  get(lessonId: string, exerciseId: string): Promise<GetResult<DraftRecord>>;
  /** Validates and saves a draft (replacing the exercise's previous one). */
  put(draft: DraftRecord, options?: PutOptions): Promise<void>;
  /** All drafts of a lesson, ordered by exerciseId. */
  listByLesson(lessonId: string): Promise<DraftList>;
  /** Deletes the stored draft of an exercise only if it is still unreadable; true when it did. */
  discardInvalid(lessonId: string, exerciseId: string): Promise<boolean>;
}

/** A drafts repository over an open notebook database. */
export function createDraftsRepo(db: NotebookDb): DraftsRepo {
  return {
    get: (lessonId, exerciseId) => getOne(db, "drafts", [lessonId, exerciseId], restoreDraft),
    put: async (draft, options) => {
      const record = assertValid(validateDraft(draft), "draft");
      await putChecked(db, "drafts", [record.lessonId, record.exerciseId], record, restoreDraft, "draft", options);
    },
    listByLesson: async (lessonId) => {
      const { records, invalid } = await getMany(db, "drafts", restoreDraft, { query: lessonKeyRange(lessonId) });
      return { drafts: records, invalid };
    },
    discardInvalid: (lessonId, exerciseId) => discardInvalid(db, "drafts", [lessonId, exerciseId], restoreDraft),
  };
}
