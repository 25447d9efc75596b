/** Runs a "try it" comparison in the kernel: the learner's function and the hidden solution on typed arguments. */
import { useCallback, useState, type RefObject } from "react";
import type { Lesson } from "../../core/lesson/types";
import { endNotice } from "../../core/session/run-outputs";
import { tryItSources } from "../../core/session/try-it";
import { newRunId } from "../../core/tracking/record-builders";
import { useServices } from "../common/services-context";
import { learnerCells } from "./run-requests";
import type { RunSlot } from "./useRunSlot";
import type { Exercises } from "./useStoredWork";

/** What a try-it run showed: both outputs and whether they agree, or why there is no comparison. */
export type TryItResult =
  | { kind: "compared"; same: boolean; mine: string; reference: string; message?: string }
  | { kind: "problem"; text: string };

/** Returns the results by exercise id and `tryIt(exerciseId, args)`; nothing runs while another run is in flight. */
export function useTryIt(lesson: Lesson, slot: RunSlot, latest: RefObject<Exercises>) {
  const { loadDatasets } = useServices();
  const [results, setResults] = useState<Record<string, TryItResult>>({});
  const { running, runKernel } = slot;
  const tryIt = useCallback(
    (exerciseId: string, args: string) => {
      const exercise = lesson.exercises.find((e) => e.id === exerciseId);
      const sources = exercise && tryItSources(exercise, args);
      if (running || !sources) return;
      const errors: string[] = [];
      const cells = [...learnerCells(lesson, (id) => latest.current[id].code), sources.reference];
      const show = (result: TryItResult) => setResults((current) => ({ ...current, [exerciseId]: result }));
      runKernel(
        { kind: "exercise", id: exerciseId },
        lesson.meta.timeLimitMs,
        async () => ({
          kind: "run-checks" as const,
          runId: newRunId(),
          lesson: { setup: lesson.setup, datasets: await loadDatasets(lesson.meta.datasets) },
          cells,
          checks: [{ ...sources.check, hidden: false }],
        }),
        (message) => {
          if (message.kind === "cell-error") errors.push(message.error.message);
        },
      )
        .then(({ end }) => {
          const verdict =
            end.kind === "finished" && end.message.kind === "checks-done" ? end.message.verdicts[0] : null;
          if (verdict && (verdict.got || verdict.expected))
            show({
              kind: "compared",
              same: verdict.passed,
              mine: verdict.got,
              reference: verdict.expected,
              message: verdict.message,
            });
          else show({ kind: "problem", text: errors[0] ?? verdict?.message ?? endNotice(end)?.text ?? "No result." });
        })
        .catch((error: Error) => show({ kind: "problem", text: error.message }));
    },
    [lesson, running, runKernel, latest, loadDatasets],
  );
  return { results, tryIt };
}
