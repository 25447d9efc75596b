/**
 * Lessons opened from local files (`Open lesson file`): inspected with the
 * app's parser and dataset registry, then kept in this tab's memory and in
 * IndexedDB (store "localLessons"), so `#/local/<id>` survives a reload.
 * Storage failing does not stop a lesson from opening; it only won't survive a reload.
 */
import { LOCAL_LESSON_SCHEMA_VERSION, type LocalLessonRecord } from "../core/tracking/local-lesson-record";
import { inspectOffThread } from "../ui/open-lesson/inspect-client";
import { getBuiltinLessons } from "./builtin-lessons";
import { getRepos } from "./services";
import type { InspectedLessonFile } from "../ui/common/services-context";

const opened = new Map<string, LocalLessonRecord>();
/** Why a lesson opened in this tab could not be stored, by lesson id. */
const notStored = new Map<string, string>();

/**
 * Reads and parses a lesson file (or the text of a stored one) as the app
 * would open it (see `inspectLessonFile`), in a worker so a huge or hostile
 * file cannot freeze the page.
 */
export async function inspectLocalLessonFile(fileName: string, source: File | string): Promise<InspectedLessonFile> {
  const builtinTitles = getBuiltinLessons().flatMap((entry) =>
    entry.lesson ? [[entry.lesson.id, entry.lesson.title] as [string, string]] : [],
  );
  const inspected = await inspectOffThread({
    source: typeof source === "string" ? { kind: "text", text: source } : { kind: "file", file: source },
    builtinTitles,
  });
  return { fileName, ...inspected };
}

/**
 * Keeps an openable lesson file (the caller checked `isOpenable`) under its
 * lesson id, replacing an earlier version. Resolves with the record and, when
 * it could not be stored, why (it is still open in this tab).
 */
export async function keepLocalLesson(
  file: InspectedLessonFile,
): Promise<{ record: LocalLessonRecord; storageProblem?: string }> {
  const record: LocalLessonRecord = {
    schemaVersion: LOCAL_LESSON_SCHEMA_VERSION,
    lessonId: file.lesson!.meta.id,
    fileName: file.fileName,
    text: file.text,
    openedAt: new Date().toISOString(),
  };
  opened.set(record.lessonId, record);
  try {
    await (await getRepos()).localLessons.put(record, { overwriteInvalid: true });
    notStored.delete(record.lessonId);
    return { record };
  } catch (error) {
    const storageProblem = `This lesson is open in this tab only and will not come back after a reload: ${(error as Error).message}`;
    notStored.set(record.lessonId, storageProblem);
    return { record, storageProblem };
  }
}

/** The local lesson with this id (opened in this tab, or stored earlier) and why it is not stored, if it is not. */
export async function findLocalLesson(
  lessonId: string,
): Promise<{ record?: LocalLessonRecord; storageProblem?: string }> {
  const inMemory = opened.get(lessonId);
  if (inMemory) return { record: inMemory, storageProblem: notStored.get(lessonId) };
  const stored = await (await getRepos()).localLessons.get(lessonId);
  const unreadable =
    stored.invalid.length > 0
      ? `The stored copy of this lesson could not be read (${stored.invalid[0].issues.join("; ")}); open the file again.`
      : undefined;
  return { record: stored.record, storageProblem: unreadable };
}

/** Every local lesson, most recently opened first. */
export async function listLocalLessons(): Promise<LocalLessonRecord[]> {
  const stored = await getRepos()
    .then((repos) => repos.localLessons.list())
    .then((list) => list.lessons)
    .catch(() => [] as LocalLessonRecord[]);
  const byId = new Map(stored.map((record) => [record.lessonId, record]));
  opened.forEach((record, id) => byId.set(id, record));
  return [...byId.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}
