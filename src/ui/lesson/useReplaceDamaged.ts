/** `Download and replace` of a lesson's damaged drafts and progress (IndexedDB stores "drafts" and "progress"). */
import { useCallback, type RefObject } from "react";
import type { DamagedRecord } from "../../core/tracking/damaged-record";
import { useServices } from "../common/services-context";
import type { Exercises } from "./useStoredWork";

/**
 * Returns `replace(record)`, called after the learner downloaded a damaged
 * record: removes it (only while it is still unreadable) and, for a draft,
 * saves the code the page holds in its place. Progress is written again by
 * the next checks run.
 */
export function useReplaceDamaged(
  lessonId: string,
  store: { latest: RefObject<Exercises>; setDamaged(update: (list: DamagedRecord[]) => DamagedRecord[]): void },
  saveNow: (exerciseId: string) => Promise<void>,
) {
  const { getRepos } = useServices();
  const { latest, setDamaged } = store;
  return useCallback(
    async (record: DamagedRecord) => {
      const [, exerciseId] = record.key as [string, string];
      const repos = await getRepos();
      if (record.store === "drafts") {
        await repos.drafts.discardInvalid(lessonId, exerciseId);
        if (latest.current[exerciseId]) await saveNow(exerciseId);
      } else if (record.store === "progress") await repos.progress.discardInvalid(lessonId, exerciseId);
      setDamaged((list) => list.filter((r) => r !== record));
    },
    [lessonId, latest, setDamaged, saveNow, getRepos],
  );
}
