/**
 * Saves the learner's code of each exercise as a draft: at once in the
 * synchronous journal (localStorage), then in IndexedDB (store "drafts")
 * shortly after typing stops, clearing the journal entry once it is there and
 * announcing the draft to the other tabs.
 */
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { receiveDraft } from "../../core/session/tab-sync";
import type { ExerciseState } from "../../core/session/types";
import { buildDraftRecord } from "../../core/tracking/record-builders";
import type { DraftRecord } from "../../core/tracking/types";
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
  store: {
    latest: RefObject<Exercises>;
    patch(exerciseId: string, change: (state: ExerciseState) => ExerciseState): void;
    setStorageProblem(problem: string | null): void;
  },
  announce: (draft: DraftRecord) => void,
  /** The lesson version and the exercise's starter, recorded with each draft (see core/session/lesson-update.ts). */
  stamp?: (exerciseId: string) => { lessonVersion: number; starter: string } | undefined,
) {
  const { getRepos } = useServices();
  const { latest, patch, setStorageProblem } = store;
  const saveTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  /** The exercise's latest state as a draft record, stamped with the lesson version. */
  const draftOf = useCallback(
    (exerciseId: string) => {
      const { code, previousCode, hintsRevealed } = latest.current[exerciseId];
      const now = new Date().toISOString();
      return buildDraftRecord({ lessonId, exerciseId, code, previousCode, hintsRevealed, now, ...stamp?.(exerciseId) });
    },
    [lessonId, latest, stamp],
  );

  /** The exercise's latest state as a draft in the journal (see src/storage/draft-journal.ts). */
  const journal = useCallback((exerciseId: string) => writeDraftJournal(draftOf(exerciseId)), [draftOf]);

  const write = useCallback(
    (exerciseId: string) => {
      const [state, record] = [latest.current[exerciseId], draftOf(exerciseId)];
      return writeAgreed(getRepos, { patch, setStorageProblem, announce }, record, state.baseCode);
    },
    [latest, draftOf, patch, setStorageProblem, announce, getRepos],
  );

  // One exercise's writes go one after another: each reads the base the previous one agreed on,
  // so this tab's own quick saves (autosave, then Show solution) never look like another tab's edit.
  const writes = useRef(new Map<string, Promise<void>>());
  const saveDraft = useCallback(
    (exerciseId: string) => {
      writeDraftJournal(draftOf(exerciseId));
      const next = (writes.current.get(exerciseId) ?? Promise.resolve()).then(() => write(exerciseId));
      writes.current.set(exerciseId, next);
      return next;
    },
    [draftOf, write],
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

  /** Saves every pending draft now (before a run: learner code may take the tab down with it). */
  const flushPending = useCallback(() => {
    const timers = saveTimers.current;
    for (const [exerciseId, timer] of timers) {
      clearTimeout(timer);
      saveDraft(exerciseId);
    }
    timers.clear();
  }, [saveDraft]);

  // Leaving the page or the lesson must not lose the last keystrokes: save pending drafts now.
  useEffect(() => {
    const flush = flushPending;
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flush();
      removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [flushPending]);

  return { scheduleSave, saveNow: saveDraft, flushPending };
}

/**
 * Writes `record` only over the draft this tab last agreed on (`baseCode`):
 * another tab's newer edit becomes a choice, not lost. Never rejects.
 */
function writeAgreed(
  getRepos: ReturnType<typeof useServices>["getRepos"],
  effects: {
    patch(exerciseId: string, change: (state: ExerciseState) => ExerciseState): void;
    setStorageProblem(problem: string | null): void;
    announce(draft: DraftRecord): void;
  },
  record: DraftRecord,
  baseCode: string,
): Promise<void> {
  const { patch, setStorageProblem, announce } = effects;
  return getRepos()
    .then((repos) => repos.drafts.putUnlessChanged(record, baseCode))
    .then((theirs) => {
      if (theirs) return patch(record.exerciseId, (s) => receiveDraft(s, theirs));
      clearDraftJournal(record);
      patch(record.exerciseId, (s) => ({ ...s, baseCode: record.code }));
      announce(record);
    })
    .then(() => setStorageProblem(null))
    .catch((error: Error) => setStorageProblem(error.message));
}
