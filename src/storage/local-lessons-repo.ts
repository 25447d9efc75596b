/**
 * Lessons opened from local files, in the "localLessons" store keyed by
 * lesson id (one record per lesson: opening a file again replaces it).
 */
import { restoreLocalLesson, validateLocalLesson, type LocalLessonRecord } from "../core/tracking/local-lesson-record";
import type { NotebookDb } from "./db";
import type { GetResult, InvalidRecord, PutOptions } from "./record-io";
import { assertValid, getMany, getOne, putChecked } from "./record-io";

/** Every stored local lesson, most recently opened first, and those that failed validation. */
export interface LocalLessonList {
  lessons: LocalLessonRecord[];
  invalid: InvalidRecord[];
}

/** Reads and writes local lessons. All methods reject only with StorageError. */
export interface LocalLessonsRepo {
  get(lessonId: string): Promise<GetResult<LocalLessonRecord>>;
  /** Validates and saves a lesson's text, replacing the one stored under its id. */
  put(record: LocalLessonRecord, options?: PutOptions): Promise<void>;
  list(): Promise<LocalLessonList>;
}

/** A local lessons repository over an open notebook database. */
export function createLocalLessonsRepo(db: NotebookDb): LocalLessonsRepo {
  return {
    get: (lessonId) => getOne(db, "localLessons", lessonId, restoreLocalLesson),
    put: async (lesson, options) => {
      const record = assertValid(validateLocalLesson(lesson), "local lesson");
      await putChecked(db, "localLessons", record.lessonId, record, restoreLocalLesson, "local lesson", options);
    },
    list: async () => {
      const { records, invalid } = await getMany(db, "localLessons", restoreLocalLesson);
      return { lessons: records.sort((a, b) => b.openedAt.localeCompare(a.openedAt)), invalid };
    },
  };
}
