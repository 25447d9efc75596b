/**
 * The experiments of a lesson page: running one (learner code against the
 * tfjs reference) and saving each finished run as a tracked record with
 * its artifacts (IndexedDB stores "runs", "runSummaries", "artifacts").
 */
import { useCallback, useState, type RefObject } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import type { Lesson } from "../../core/lesson/types";
import {
  clearedOutputs,
  EMPTY_EXPERIMENT,
  endNotice,
  errorNotice,
  isStreamedMessage,
  withStreamedMessage,
} from "../../core/session/run-outputs";
import { runParams, type ParamValues } from "../../core/session/parameter-controls";
import type { ExperimentState } from "../../core/session/types";
import { saveExperimentRun, replayInputsFromLesson } from "../common/save-run";
import { useServices } from "../common/services-context";
import { experimentRequest, learnerCells } from "./run-requests";
import type { RunSlot } from "./useRunSlot";
import type { Exercises } from "./useStoredWork";

/** Experiments train two implementations; they get a longer limit than checks. */
export const EXPERIMENT_TIME_LIMIT_MS = 120_000;

export function useExperiments(lesson: Lesson, backend: BackendChoice, slot: RunSlot, latest: RefObject<Exercises>) {
  const services = useServices();
  const [experiments, setExperiments] = useState<Record<string, ExperimentState>>({});
  const { running, runKernel } = slot;

  const setExperiment = useCallback((id: string, change: (s: ExperimentState) => Partial<ExperimentState>) => {
    setExperiments((current) => ({
      ...current,
      [id]: { ...(current[id] ?? EMPTY_EXPERIMENT), ...change(current[id] ?? EMPTY_EXPERIMENT) },
    }));
  }, []);

  /** Runs an experiment, with `values` in place of its controlled params; settles when its record is saved. */
  const runExperiment = useCallback(
    (experimentId: string, values: ParamValues = {}): Promise<void> => {
      const declared = lesson.experiments.find((e) => e.id === experimentId);
      if (running || !declared) return Promise.resolve();
      const experiment = { ...declared, spec: { ...declared.spec, params: runParams(declared.spec, values) } };
      setExperiment(experimentId, clearedOutputs);
      const cells = learnerCells(lesson, (id) => latest.current[id].code);
      return runKernel(
        { kind: "experiment", id: experimentId },
        EXPERIMENT_TIME_LIMIT_MS,
        async () =>
          experimentRequest(lesson, experiment, cells, await services.loadDatasets(lesson.meta.datasets), backend),
        (message) => {
          if (isStreamedMessage(message)) setExperiment(experimentId, (s) => withStreamedMessage(s, message));
        },
      )
        .then(async ({ request, end }) => {
          setExperiment(experimentId, () => ({ notice: endNotice(end) }));
          if (end.kind !== "finished" || end.message.kind !== "experiment-done") return;
          const result = end.message.result;
          const measured = { params: experiment.spec.params, ms: result.totalMs, backend };
          setExperiment(experimentId, () => ({ result, savedRunId: undefined, measured }));
          const replay = await replayInputsFromLesson(lesson, request);
          const record = await saveExperimentRun(services, {
            request,
            lessonId: lesson.meta.id,
            result,
            extras: { replay },
          });
          setExperiment(experimentId, () => ({ savedRunId: record.runId }));
        })
        .catch((error: Error) => setExperiment(experimentId, () => ({ notice: errorNotice(error) })));
    },
    [lesson, running, backend, runKernel, setExperiment, latest, services],
  );

  return { experiments, runExperiment };
}
