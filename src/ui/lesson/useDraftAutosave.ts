/** Saves the learner's code of each exercise as a draft (IndexedDB store "drafts") shortly after typing stops. */
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { buildDraftRecord } from "../../core/tracking/record-builders";
import { useServices } from "../common/services-context";
import type { Exercises } from "./useStoredWork";

/** Drafts are saved this long after typing stops. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Returns `scheduleSave(exerciseId, delay)`, which saves the exercise's
 * latest state after `delay` ms (restarting the wait on each call). Pending
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
      getRepos()
        .then((repos) => repos.drafts.put(record))
        .then(() => setStorageProblem(null))
        .catch((error: Error) => setStorageProblem(error.message));
    },
    [lessonId, latest, setStorageProblem, getRepos, stamp],
  );

  const scheduleSave = useCallback(
    (exerciseId: string, delay = AUTOSAVE_DELAY_MS) => {
      clearTimeout(saveTimers.current.get(exerciseId));
      saveTimers.current.set(
        exerciseId,
        setTimeout(() => {
          saveTimers.current.delete(exerciseId);
          saveDraft(exerciseId);
        }, delay),
      );
    },
    [saveDraft],
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

  return scheduleSave;
}
