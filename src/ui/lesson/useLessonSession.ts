/**
 * State of one lesson page: the learner's code per exercise (autosaved as
 * drafts), check verdicts (saved as progress), experiment results (saved as
 * runs), and the one run in flight. The rules live in core/session and
 * core/tracking; this hook wires them to React state, storage and the kernel.
 */
import { useCallback } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import type { Lesson } from "../../core/lesson/types";
import { resetToStarter, restorePrevious, revealHint, showSolution } from "../../core/session/exercise-transitions";
import { keepMine, takeTheirs } from "../../core/session/tab-sync";
import type { ExerciseState } from "../../core/session/types";
import { useChecksRunner } from "./useChecksRunner";
import { useDraftAutosave } from "./useDraftAutosave";
import { useExperiments } from "./useExperiments";
import { useReplaceDamaged } from "./useReplaceDamaged";
import { useRunSlot } from "./useRunSlot";
import { useSaveProgress, useStoredExercises } from "./useStoredWork";
import { useTabSync } from "./useTabSync";

export { EXPERIMENT_TIME_LIMIT_MS } from "./useExperiments";

export function useLessonSession(lesson: Lesson, backend: BackendChoice) {
  const lessonId = lesson.meta.id;
  const store = useStoredExercises(lesson);
  const { exercises, setExercises, latest, progress, setStorageProblem } = store;
  const announce = useTabSync(lessonId, store.patch);
  const { scheduleSave, saveNow, flushPending } = useDraftAutosave(lessonId, store, announce);
  const replaceDamaged = useReplaceDamaged(lessonId, store, saveNow);
  const saveProgress = useSaveProgress(lessonId, latest, progress, setStorageProblem);
  const slot = useRunSlot();

  /** Applies `change` to one exercise; `save` stores the result as its draft at once. */
  const update = useCallback(
    (exerciseId: string, change: (state: ExerciseState) => Partial<ExerciseState>, save = true) => {
      setExercises((current) => {
        const next = { ...current, [exerciseId]: { ...current[exerciseId], ...change(current[exerciseId]) } };
        latest.current = next;
        return next;
      });
      if (save) scheduleSave(exerciseId, 0);
    },
    [scheduleSave, setExercises, latest],
  );

  const setCode = useCallback(
    (exerciseId: string, code: string) => {
      if (latest.current[exerciseId]?.code === code) return;
      update(exerciseId, () => ({ code }), false);
      // React may apply the update later; the journal written by scheduleSave needs this code now.
      latest.current = { ...latest.current, [exerciseId]: { ...latest.current[exerciseId], code } };
      scheduleSave(exerciseId);
    },
    [update, scheduleSave, latest],
  );

  const checks = useChecksRunner(lesson, slot, latest, update, saveProgress);
  const { experiments, runExperiment: experiment } = useExperiments(lesson, backend, slot, latest);
  // Drafts are in IndexedDB before any learner code runs (the journal already holds them synchronously).
  const runChecks = (id: string) => (flushPending(), checks(id));
  const runExperiment = (id: string) => (flushPending(), experiment(id));

  const exercise = (id: string) => lesson.exercises.find((e) => e.id === id);
  const actions = {
    setCode,
    runChecks,
    stop: slot.stop,
    revealHint: (id: string) => update(id, revealHint),
    showSolution: (id: string) => {
      const solution = exercise(id)?.solution;
      if (solution !== undefined) update(id, (s) => showSolution(s, solution));
    },
    restorePrevious: (id: string) => update(id, restorePrevious),
    reset: (id: string) => update(id, (s) => resetToStarter(s, exercise(id)!.starter)),
    // Either choice is saved at once, so the other tab hears of it (it adopts the result: nothing changed there).
    keepMine: (id: string) => (store.patch(id, keepMine), void saveNow(id)),
    takeTheirs: (id: string) => (store.patch(id, takeTheirs), void saveNow(id)),
  };

  return {
    exercises,
    experiments,
    running: slot.running,
    loaded: store.loaded,
    storageProblem: store.storageProblem,
    damaged: store.damaged,
    replaceDamaged,
    actions,
    runExperiment,
  };
}
