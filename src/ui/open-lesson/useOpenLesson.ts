/**
 * State of the `Open lesson file` page: the lesson shown (a local lesson by
 * id, from this tab or IndexedDB), the last file the instructor tried to open
 * with its diagnostics, and the list of lessons opened before.
 */
import { useCallback, useEffect, useState } from "react";
import { isOpenable } from "../../core/verification/inspect-lesson-file";
import type { LocalLessonRecord } from "../../core/tracking/local-lesson-record";
import { useServices, type InspectedLessonFile } from "../common/services-context";
import { localLessonHref } from "../routes";

/** The lesson on the page; `revision` grows when the same lesson is opened again, to remount it. */
export interface ShownLesson {
  record: LocalLessonRecord;
  inspected: InspectedLessonFile;
  revision: number;
}

export function useOpenLesson(lessonId: string | null) {
  const { localLessons } = useServices();
  const [shown, setShown] = useState<ShownLesson | null>(null);
  const [missing, setMissing] = useState(false);
  const [attempt, setAttempt] = useState<InspectedLessonFile | null>(null);
  const [reading, setReading] = useState(false);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const [recent, setRecent] = useState<LocalLessonRecord[]>([]);

  useEffect(() => {
    let cancelled = false;
    if (lessonId === null) {
      localLessons.list().then((list) => !cancelled && setRecent(list));
    } else {
      localLessons
        .find(lessonId)
        .then(async ({ record, storageProblem }) => {
          if (cancelled) return;
          setStorageProblem(storageProblem ?? null);
          if (!record) return setMissing(true);
          const inspected = await localLessons.inspect(record.fileName, record.text);
          if (cancelled) return;
          // The app may have changed since it was stored (parser, registry): show why it no longer opens.
          if (isOpenable(inspected)) setShown({ record, inspected, revision: 1 });
          else setAttempt(inspected);
        })
        .catch((error: Error) => !cancelled && (setStorageProblem(error.message), setMissing(true)));
    }
    return () => {
      cancelled = true;
    };
  }, [lessonId, localLessons]);

  const openFile = useCallback(
    async (file: File) => {
      setReading(true);
      try {
        const inspected = await localLessons.inspect(file.name, file);
        setAttempt(inspected);
        if (!isOpenable(inspected)) return;
        const { record, storageProblem: problem } = await localLessons.keep(inspected);
        setStorageProblem(problem ?? null);
        if (record.lessonId === lessonId)
          setShown((before) => ({ record, inspected, revision: (before?.revision ?? 0) + 1 }));
        else location.hash = localLessonHref(record.lessonId);
      } catch (error) {
        setAttempt({
          fileName: file.name,
          text: "",
          lesson: null,
          diagnostics: [{ line: 1, severity: "error", message: (error as Error).message }],
        });
      } finally {
        setReading(false);
      }
    },
    [lessonId, localLessons],
  );

  return { shown, missing, attempt, reading, storageProblem, recent, openFile };
}
