/**
 * How an exercise's state changes: on opening the lesson, on restoring the
 * learner's saved work, and on the learner's buttons (hint, show solution,
 * restore, reset). Pure: each function returns a new state and mutates nothing.
 */
import type { DraftRecord, ProgressRecord } from "../tracking/types";
import type { ExerciseState } from "./types";

/** The state of every exercise before anything is loaded: starter code, no verdicts, no outputs. Keyed by exercise id. */
export function initialExercises(exercises: readonly { id: string; starter: string }[]): Record<string, ExerciseState> {
  return Object.fromEntries(
    exercises.map((exercise) => [
      exercise.id,
      {
        code: exercise.starter,
        revision: 0,
        hintsRevealed: 0,
        solutionShown: false,
        verdicts: null,
        verdictsFromStorage: false,
        outputs: [],
        plots: [],
        errors: [],
      },
    ]),
  );
}

/**
 * The exercises with the learner's saved drafts (code, replaced code, hints
 * revealed) and last check verdicts applied. Records of exercises the lesson
 * no longer has are ignored.
 */
export function applyStoredWork(
  exercises: Readonly<Record<string, ExerciseState>>,
  drafts: readonly DraftRecord[],
  progress: readonly ProgressRecord[],
): Record<string, ExerciseState> {
  const next = { ...exercises };
  for (const draft of drafts) {
    const state = next[draft.exerciseId];
    if (!state) continue;
    next[draft.exerciseId] = {
      ...state,
      code: draft.code,
      revision: state.revision + 1,
      previousCode: draft.previousCode,
      hintsRevealed: draft.hintsRevealed,
    };
  }
  for (const record of progress) {
    const state = next[record.exerciseId];
    if (!state) continue;
    next[record.exerciseId] = {
      ...state,
      verdicts: record.verdicts,
      verdictsFromStorage: true,
      solutionShown: record.solutionShown,
    };
  }
  return next;
}

/** One more hint tier revealed. */
export function revealHint(state: ExerciseState): ExerciseState {
  return { ...state, hintsRevealed: state.hintsRevealed + 1 };
}

/**
 * The solution in the editor, marked as shown. The learner's code is kept as
 * `previousCode` (unless it already is the solution), so it can be restored.
 */
export function showSolution(state: ExerciseState, solution: string): ExerciseState {
  return {
    ...state,
    previousCode: state.code === solution ? state.previousCode : state.code,
    code: solution,
    revision: state.revision + 1,
    solutionShown: true,
  };
}

/** The code the solution or a reset replaced, back in the editor (the current code when there is none). */
export function restorePrevious(state: ExerciseState): ExerciseState {
  return { ...state, code: state.previousCode ?? state.code, revision: state.revision + 1, previousCode: undefined };
}

/** The starter code back in the editor; the learner's code is kept as `previousCode` (unless it is the starter). */
export function resetToStarter(state: ExerciseState, starter: string): ExerciseState {
  return {
    ...state,
    previousCode: state.code === starter ? state.previousCode : state.code,
    code: starter,
    revision: state.revision + 1,
  };
}
