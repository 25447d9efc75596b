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
import { mergeStarterChange, type StarterUpdate } from "../../core/session/lesson-update";
import { keepMine, takeTheirs } from "../../core/session/tab-sync";
import type { ParamValues } from "../../core/session/parameter-controls";
import type { ExerciseState } from "../../core/session/types";
import { useChecksRunner } from "./useChecksRunner";
import { useDraftAutosave } from "./useDraftAutosave";
import { useExperiments } from "./useExperiments";
import { useReplaceDamaged } from "./useReplaceDamaged";
import { useRunSlot } from "./useRunSlot";
import { useSweeps, type SweepControls } from "./useSweeps";
import { useTryIt } from "./useTryIt";
import { useSaveProgress, useStoredExercises } from "./useStoredWork";
import { useTabSync } from "./useTabSync";

export { EXPERIMENT_TIME_LIMIT_MS } from "./useExperiments";

export function useLessonSession(lesson: Lesson, backend: BackendChoice) {
  const lessonId = lesson.meta.id;
  const store = useStoredExercises(lesson);
  const { exercises, setExercises, latest, progress, setStorageProblem } = store;
  const announce = useTabSync(lessonId, store.patch);
  const stamp = useCallback(
    (exerciseId: string) => {
      const exercise = lesson.exercises.find((e) => e.id === exerciseId);
      return exercise && { lessonVersion: lesson.meta.version, starter: exercise.starter };
    },
    [lesson],
  );
  const { scheduleSave, saveNow, flushPending } = useDraftAutosave(lessonId, store, announce, stamp);
  const replaceDamaged = useReplaceDamaged(lessonId, store, saveNow);
  const saveProgress = useSaveProgress(lessonId, latest, progress, setStorageProblem, lesson.meta.version);
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
  const runExperiment = (id: string, values?: ParamValues) => (flushPending(), experiment(id, values));

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
    /** Settles a lesson update: the learner's code, the new starter, or both merged; the draft is then saved for this version. */
    resolveUpdate: (id: string, choice: UpdateChoice) => {
      const pending = store.updates.find((u) => u.exerciseId === id);
      if (!pending) return;
      // A new revision makes the editor take the code (as Reset does); the learner's code stays recoverable.
      update(id, (s) => ({
        code: resolvedCode(pending, s.code, choice),
        previousCode: choice === "keep" ? s.previousCode : s.code,
        revision: s.revision + 1,
      }));
      store.setUpdates((current) => current.filter((u) => u.exerciseId !== id));
    },
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
    sweeps: flushedSweeps(useSweeps(lesson, backend, slot, latest), flushPending),
    updates: store.updates,
    tryIt: useTryIt(lesson, slot, latest),
  };
}

/** Sweep controls whose `runSweep` first writes pending drafts, as running checks or an experiment does. */
function flushedSweeps(controls: SweepControls, flushPending: () => void): SweepControls {
  return { ...controls, runSweep: (...args) => (flushPending(), controls.runSweep(...args)) };
}

/** What the learner chose for a draft written for an older lesson version. */
export type UpdateChoice = "keep" | "starter" | "merge";

function resolvedCode(update: StarterUpdate, code: string, choice: UpdateChoice): string {
  if (choice === "keep") return code;
  if (choice === "starter") return update.newStarter;
  return mergeStarterChange(update.oldStarter, code, update.newStarter).code;
}
