/**
 * Saves the learner's code of each exercise as a draft: at once in the
 * synchronous journal (localStorage), then in IndexedDB (store "drafts")
 * shortly after typing stops, clearing the journal entry once it is there.
 */
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { buildDraftRecord } from "../../core/tracking/record-builders";
import { clearDraftJournal, writeDraftJournal } from "../../storage/draft-journal";
import { useServices } from "../common/services-context";
import type { Exercises } from "./useStoredWork";

/** Drafts are saved this long after typing stops. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Returns `scheduleSave(exerciseId, delay)`, which saves the exercise's
 * latest state after `delay` ms (restarting the wait on each call), and
 * `saveNow(exerciseId)`, which saves it at once (never rejects). Pending
 * saves are made at once when the page is hidden or left, or the lesson closes.
 */
export function useDraftAutosave(
  lessonId: string,
  latest: RefObject<Exercises>,
  setStorageProblem: (problem: string | null) => void,
  /** The lesson version and the exercise's starter, recorded with each draft (see core/session/lesson-update.ts). */
  stamp?: (exerciseId: string) => { lessonVersion: number; starter: string } | undefined,
) {
  const { getRepos } = useServices();
  const saveTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  /** The exercise's latest state as a draft in the journal (see src/storage/draft-journal.ts). */
  const journal = useCallback(
    (exerciseId: string) => {
      const state = latest.current[exerciseId];
      const now = new Date().toISOString();
      writeDraftJournal(buildDraftRecord({ lessonId, exerciseId, ...state, now }));
    },
    [lessonId, latest],
  );

  const saveDraft = useCallback(
    (exerciseId: string) => {
      const state = latest.current[exerciseId];
      const record = buildDraftRecord({
        lessonId,
        exerciseId,
        code: state.code,
        previousCode: state.previousCode,
        hintsRevealed: state.hintsRevealed,
        now: new Date().toISOString(),
        ...stamp?.(exerciseId),
      });
      writeDraftJournal(record);
      return getRepos()
        .then((repos) => repos.drafts.put(record))
        .then(() => clearDraftJournal(record))
        .then(() => setStorageProblem(null))
        .catch((error: Error) => setStorageProblem(error.message));
    },
    [lessonId, latest, setStorageProblem, getRepos, stamp],
  );

  const scheduleSave = useCallback(
    (exerciseId: string, delay = AUTOSAVE_DELAY_MS) => {
      // The journal first, synchronously: a reload before the timer fires must not lose these keystrokes.
      if (delay > 0) journal(exerciseId);
      clearTimeout(saveTimers.current.get(exerciseId));
      saveTimers.current.set(
        exerciseId,
        setTimeout(() => {
          saveTimers.current.delete(exerciseId);
          saveDraft(exerciseId);
        }, delay),
      );
    },
    [saveDraft, journal],
  );

  // Leaving the page or the lesson must not lose the last keystrokes: save pending drafts now.
  useEffect(() => {
    const timers = saveTimers.current;
    const flush = () => {
      for (const [exerciseId, timer] of timers) {
        clearTimeout(timer);
        saveDraft(exerciseId);
      }
      timers.clear();
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flush();
      removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [saveDraft]);

  return { scheduleSave, saveNow: saveDraft };
}
