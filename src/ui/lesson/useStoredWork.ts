/**
 * The exercises of a lesson page, restored from the learner's drafts and
 * progress in IndexedDB (stores "drafts" and "progress"), and the saving of
 * new progress after each checks run.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { Lesson } from "../../core/lesson/types";
import { applyStoredWork, initialExercises } from "../../core/session/exercise-transitions";
import { starterUpdate, type StarterUpdate } from "../../core/session/lesson-update";
import type { ExerciseState } from "../../core/session/types";
import type { DamagedRecord } from "../../core/tracking/damaged-record";
import { buildProgressRecord } from "../../core/tracking/record-builders";
import type { ProgressRecord } from "../../core/tracking/types";
import { replayDraftJournal } from "../../storage/draft-journal";
import { useServices } from "../common/services-context";

export type Exercises = Record<string, ExerciseState>;

/**
 * The exercises' state, starting from the starter code and replaced by the
 * saved work once it is read (`loaded`). `latest` is always the newest state,
 * for callbacks; `progress` is the stored progress by exercise id; `damaged`
 * the stored records of the lesson that could not be read.
 */
export function useStoredExercises(lesson: Lesson) {
  const { getRepos } = useServices();
  const lessonId = lesson.meta.id;
  const [exercises, setExercises] = useState(() => initialExercises(lesson.exercises));
  const [loaded, setLoaded] = useState(false);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<DamagedRecord[]>([]);
  const latest = useRef(exercises);
  latest.current = exercises;
  const progress = useRef(new Map<string, ProgressRecord>());
  const [updates, setUpdates] = useState<StarterUpdate[]>([]);
  // Read when the drafts arrive; a re-opened file keeps its id, so the effect below does not re-run for it.
  const lessonRef = useRef(lesson);
  lessonRef.current = lesson;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const repos = await getRepos();
      // Keystrokes the last visit could not put in IndexedDB (reload, closed tab, upgrade in another tab).
      await replayDraftJournal(repos.drafts, lessonId);
      const [drafts, stored] = await Promise.all([
        repos.drafts.listByLesson(lessonId),
        repos.progress.listByLesson(lessonId),
      ]);
      if (cancelled) return;
      stored.progress.forEach((p) => progress.current.set(p.exerciseId, p));
      setExercises((current) => applyStoredWork(current, drafts.drafts, stored.progress));
      setDamaged([...drafts.invalid, ...stored.invalid]);
      setUpdates(starterUpdates(lessonRef.current, drafts.drafts));
    })()
      .catch((error: Error) => setStorageProblem(`Your work cannot be saved in this browser: ${error.message}`))
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
    // A new version of the lesson (a re-opened file, a dev-server update) compares the drafts again.
  }, [lessonId, lesson.meta.version, getRepos]);

  return {
    exercises,
    setExercises,
    latest,
    progress,
    loaded,
    storageProblem,
    setStorageProblem,
    damaged,
    setDamaged,
    updates,
    setUpdates,
  };
}

/** The drafts written for an older version of the lesson whose exercise's starter changed since. */
function starterUpdates(lesson: Lesson, drafts: readonly { exerciseId: string; code: string }[]): StarterUpdate[] {
  return drafts.flatMap((draft) => {
    const exercise = lesson.exercises.find((e) => e.id === draft.exerciseId);
    const update = exercise && starterUpdate(draft, { version: lesson.meta.version, starter: exercise.starter });
    return update ? [update] : [];
  });
}

/** Saves the verdicts of a checks run as the exercise's progress (nothing when the run gave no verdicts). */
export function useSaveProgress(
  lessonId: string,
  latest: RefObject<Exercises>,
  progress: RefObject<Map<string, ProgressRecord>>,
  onStorageProblem: (problem: string) => void,
  lessonVersion?: number,
) {
  const { getRepos } = useServices();
  return useCallback(
    (exerciseId: string, verdicts: ExerciseState["verdicts"]) => {
      if (!verdicts) return;
      const record = buildProgressRecord({
        lessonId,
        exerciseId,
        verdicts,
        solutionShown: latest.current[exerciseId].solutionShown,
        previous: progress.current.get(exerciseId),
        now: new Date().toISOString(),
        lessonVersion,
      });
      progress.current.set(exerciseId, record);
      getRepos()
        .then((repos) => repos.progress.put(record))
        .catch((error: Error) => onStorageProblem(error.message));
    },
    [lessonId, latest, progress, onStorageProblem, getRepos, lessonVersion],
  );
}
