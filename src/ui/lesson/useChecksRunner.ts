/** Running an exercise's checks: streams outputs into the exercise, then keeps the verdicts and saves them as progress. */
import { useCallback, type RefObject } from "react";
import type { Lesson } from "../../core/lesson/types";
import {
  afterChecks,
  clearedOutputs,
  endNotice,
  errorNotice,
  isStreamedMessage,
  withStreamedMessage,
} from "../../core/session/run-outputs";
import type { ExerciseState } from "../../core/session/types";
import { useServices } from "../common/services-context";
import { checksRequest, learnerCells } from "./run-requests";
import type { RunSlot } from "./useRunSlot";
import type { Exercises } from "./useStoredWork";

type Update = (exerciseId: string, change: (state: ExerciseState) => Partial<ExerciseState>, save?: boolean) => void;

/** Returns `runChecks(exerciseId)`; it does nothing while another run is in flight. */
export function useChecksRunner(
  lesson: Lesson,
  slot: RunSlot,
  latest: RefObject<Exercises>,
  update: Update,
  saveProgress: (exerciseId: string, verdicts: ExerciseState["verdicts"]) => void,
) {
  const { loadDatasets } = useServices();
  const { running, runKernel } = slot;
  return useCallback(
    (exerciseId: string) => {
      if (running || !latest.current[exerciseId]) return;
      update(exerciseId, clearedOutputs, false);
      const cells = learnerCells(lesson, (id) => latest.current[id].code);
      runKernel(
        { kind: "exercise", id: exerciseId },
        lesson.meta.timeLimitMs,
        async () => checksRequest(lesson, exerciseId, cells, await loadDatasets(lesson.meta.datasets)),
        (message) => {
          if (isStreamedMessage(message)) update(exerciseId, (s) => withStreamedMessage(s, message), false);
        },
      )
        .then(({ end }) => {
          const done = end.kind === "finished" && end.message.kind === "checks-done" ? end.message : null;
          const verdicts = done ? done.verdicts : null;
          update(exerciseId, (s) => afterChecks(s, verdicts, endNotice(end), done?.diagnoses ?? []), false);
          saveProgress(exerciseId, verdicts);
        })
        .catch((error: Error) => update(exerciseId, () => ({ notice: errorNotice(error) }), false));
    },
    [lesson, running, runKernel, update, saveProgress, latest, loadDatasets],
  );
}
