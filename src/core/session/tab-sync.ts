/**
 * Two tabs of the notebook on the same exercise: what a tab does with a draft
 * another tab saved, and the learner's choice when both changed it. Pure:
 * each function returns a new state and mutates nothing.
 */
import { restoreDraft } from "../tracking/migrations";
import type { DraftRecord } from "../tracking/types";
import type { ExerciseState } from "./types";

/** Name of the channel tabs announce saved drafts on. DO NOT CHANGE: tabs of older versions would stop hearing it. */
export const TAB_SYNC_CHANNEL = "ml-notebook/drafts";

/** "Tab `from` saved this draft." */
export interface DraftSavedMessage {
  kind: "draft-saved";
  /** The sending tab's random id (a tab ignores its own messages). */
  from: string;
  draft: DraftRecord;
}

/** A message from another tab as a `DraftSavedMessage`, or null when it is not a valid one. */
export function parseTabMessage(data: unknown): DraftSavedMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const { kind, from, draft } = data as Record<string, unknown>;
  if (kind !== "draft-saved" || typeof from !== "string") return null;
  const restored = restoreDraft(draft);
  return restored.ok ? { kind, from, draft: restored.record } : null;
}

/**
 * Whether a stored draft was changed by another tab in a way that saving
 * `code` over it would lose: it differs both from what this tab last agreed
 * on (`baseCode`) and from `code` itself.
 */
export function isConflicting(stored: DraftRecord, baseCode: string, code: string): boolean {
  return stored.code !== baseCode && stored.code !== code;
}

/**
 * An exercise after another tab saved `theirs`: adopted when this tab has no
 * unsaved change (its code is still `baseCode`) or already holds the same
 * code; ignored when it holds what this tab last agreed on (`baseCode`: the
 * other tab saved nothing new, as `isConflicting` says of a stored draft);
 * otherwise a conflict the learner settles (`keepMine` / `takeTheirs`).
 */
export function receiveDraft(state: ExerciseState, theirs: DraftRecord): ExerciseState {
  if (theirs.code === state.code) return { ...state, baseCode: theirs.code, conflict: undefined };
  // Two tabs autosaving the same text (an emptied editor, say) then typing on: no conflict.
  if (theirs.code === state.baseCode) return state;
  if (state.code === state.baseCode) {
    return {
      ...state,
      code: theirs.code,
      baseCode: theirs.code,
      revision: state.revision + 1,
      previousCode: theirs.previousCode,
      hintsRevealed: theirs.hintsRevealed,
      conflict: undefined,
    };
  }
  return { ...state, conflict: { theirs } };
}

/** The learner keeps this tab's code: it may now be saved over the other tab's draft. */
export function keepMine(state: ExerciseState): ExerciseState {
  if (!state.conflict) return state;
  return { ...state, baseCode: state.conflict.theirs.code, conflict: undefined };
}

/** The learner takes the other tab's code; this tab's code is kept as `previousCode` (`Restore my code`). */
export function takeTheirs(state: ExerciseState): ExerciseState {
  if (!state.conflict) return state;
  const { theirs } = state.conflict;
  return {
    ...state,
    code: theirs.code,
    baseCode: theirs.code,
    previousCode: state.code,
    revision: state.revision + 1,
    hintsRevealed: Math.max(state.hintsRevealed, theirs.hintsRevealed),
    conflict: undefined,
  };
}
