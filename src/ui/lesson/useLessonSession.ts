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
import type { ExerciseState } from "../../core/session/types";
import { useChecksRunner } from "./useChecksRunner";
import { useDraftAutosave } from "./useDraftAutosave";
import { useExperiments } from "./useExperiments";
import { useRunSlot } from "./useRunSlot";
import { useSweeps } from "./useSweeps";
import { useSaveProgress, useStoredExercises } from "./useStoredWork";

export { EXPERIMENT_TIME_LIMIT_MS } from "./useExperiments";

export function useLessonSession(lesson: Lesson, backend: BackendChoice) {
  const lessonId = lesson.meta.id;
  const store = useStoredExercises(lesson);
  const { exercises, setExercises, latest, progress, setStorageProblem } = store;
  const scheduleSave = useDraftAutosave(lessonId, latest, setStorageProblem);
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
      scheduleSave(exerciseId);
    },
    [update, scheduleSave, latest],
  );

  const runChecks = useChecksRunner(lesson, slot, latest, update, saveProgress);
  const { experiments, runExperiment } = useExperiments(lesson, backend, slot, latest);
  const sweeps = useSweeps(lesson, backend, slot, latest);

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
  };

  return {
    exercises,
    experiments,
    running: slot.running,
    loaded: store.loaded,
    storageProblem: store.storageProblem,
    actions,
    runExperiment,
    sweeps,
  };
}
