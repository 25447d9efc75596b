/**
 * Keeps a lesson page in step with the notebook's other tabs: drafts they
 * save are adopted here, or become a conflict when this tab changed the same
 * exercise (see core/session/tab-sync.ts). Persists nothing.
 */
import { useCallback, useEffect, useRef } from "react";
import { receiveDraft } from "../../core/session/tab-sync";
import type { ExerciseState } from "../../core/session/types";
import type { DraftRecord } from "../../core/tracking/types";
import { openDraftChannel, type DraftChannel } from "../../storage/draft-channel";

/** Listens to the other tabs while the lesson is open; returns `announce(draft)`, which tells them of a saved draft. */
export function useTabSync(
  lessonId: string,
  patch: (exerciseId: string, change: (state: ExerciseState) => ExerciseState) => void,
): (draft: DraftRecord) => void {
  const channel = useRef<DraftChannel | null>(null);
  useEffect(() => {
    const opened = openDraftChannel((draft) => {
      if (draft.lessonId === lessonId) patch(draft.exerciseId, (state) => receiveDraft(state, draft));
    });
    channel.current = opened;
    return () => {
      opened.close();
      channel.current = null;
    };
  }, [lessonId, patch]);
  return useCallback((draft: DraftRecord) => channel.current?.post(draft), []);
}
