/**
 * Sweeps of a lesson page's experiments: each combination of the entered
 * parameter values runs as one experiment, one after another in the page's
 * run slot, and is saved as a run tagged with the sweep's id and seed
 * (IndexedDB stores "runs", "runSummaries", "artifacts").
 */
import { useCallback, useRef, useState, type RefObject } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import type { ExperimentCell, Lesson } from "../../core/lesson/types";
import type { SourceCell } from "../../core/evaluation/types";
import type { LoadedDataset } from "../../core/ml/dataset-types";
import { sweepTag, type SweepCombination } from "../../core/tracking/sweep";
import { saveExperimentRun, replayInputsFromLesson } from "../common/save-run";
import { useServices, type AppServices } from "../common/services-context";
import type { ExperimentResult } from "../../core/experiments/result-types";
import type { RunExperimentRequest } from "../../core/protocol/protocol";
import type { SweepMembership } from "../../core/tracking/run-extras";
import { experimentRequest, learnerCells } from "./run-requests";
import { EXPERIMENT_TIME_LIMIT_MS } from "./useExperiments";
import type { RunSlot } from "./useRunSlot";
import type { Exercises } from "./useStoredWork";

/** One combination's outcome. */
export interface SweepRow {
  index: number;
  values: Record<string, number>;
  status: "waiting" | "running" | "done" | "failed" | "stopped";
  metrics?: Record<string, number>;
  runId?: string;
  error?: string;
}

/** A sweep of one experiment. */
export interface SweepState {
  sweepId: string;
  rows: SweepRow[];
  running: boolean;
}

export type SweepControls = ReturnType<typeof useSweeps>;

/** The kernel request of one combination: the experiment with the combination's params. */
function sweepRequest(
  lesson: Lesson,
  experiment: ExperimentCell,
  cells: SourceCell[],
  datasets: LoadedDataset[],
  backend: BackendChoice,
  combo: SweepCombination,
): RunExperimentRequest {
  const base = experimentRequest(lesson, experiment, cells, datasets, backend);
  return { ...base, spec: { ...base.spec, params: combo.params } };
}

/** Saves one combination's run, tagged with the sweep's id and the seed. */
async function saveSweepRun(
  services: AppServices,
  lesson: Lesson,
  request: RunExperimentRequest,
  result: ExperimentResult,
  sweep: SweepMembership,
) {
  return saveExperimentRun(services, {
    request,
    lessonId: lesson.meta.id,
    result,
    extras: {
      replay: await replayInputsFromLesson(lesson, request),
      sweep,
      tags: [sweepTag(sweep.id), `seed:${request.spec.seed}`],
    },
  });
}

export function useSweeps(
  lesson: Lesson,
  backend: BackendChoice,
  slot: RunSlot & { stop(): void },
  latest: RefObject<Exercises>,
) {
  const services = useServices();
  const [sweeps, setSweeps] = useState<Record<string, SweepState>>({});
  const stopped = useRef(false);
  const { runKernel, stop } = slot;

  const setRow = useCallback((experimentId: string, index: number, change: Partial<SweepRow>) => {
    setSweeps((current) => {
      const sweep = current[experimentId];
      const rows = sweep.rows.map((row) => (row.index === index ? { ...row, ...change } : row));
      return { ...current, [experimentId]: { ...sweep, rows } };
    });
  }, []);

  const runOne = useCallback(
    async (experimentId: string, sweepId: string, combo: SweepCombination, of: number) => {
      const experiment = lesson.experiments.find((e) => e.id === experimentId)!;
      const cells = learnerCells(lesson, (id) => latest.current[id].code);
      setRow(experimentId, combo.index, { status: "running" });
      const { request, end } = await runKernel(
        { kind: "experiment", id: experimentId },
        EXPERIMENT_TIME_LIMIT_MS,
        async () =>
          sweepRequest(lesson, experiment, cells, await services.loadDatasets(lesson.meta.datasets), backend, combo),
        () => undefined,
      );
      if (end.kind === "stopped") return setRow(experimentId, combo.index, { status: "stopped" });
      if (end.kind !== "finished" || end.message.kind !== "experiment-done") {
        const error = end.kind === "finished" && end.message.kind === "failed" ? end.message.message : end.kind;
        return setRow(experimentId, combo.index, { status: "failed", error });
      }
      const result = end.message.result;
      const saved = await saveSweepRun(services, lesson, request, result, {
        id: sweepId,
        index: combo.index,
        of,
        values: combo.values,
      });
      const metrics = result.implementations.find((impl) => impl.name === "learner")?.metrics;
      setRow(experimentId, combo.index, { status: "done", metrics, runId: saved.runId });
    },
    [lesson, latest, runKernel, services, backend, setRow],
  );

  const runSweep = useCallback(
    async (experimentId: string, combos: SweepCombination[]) => {
      const sweepId = crypto.randomUUID();
      stopped.current = false;
      const rows: SweepRow[] = combos.map((c) => ({ index: c.index, values: c.values, status: "waiting" }));
      setSweeps((current) => ({ ...current, [experimentId]: { sweepId, rows, running: true } }));
      for (const combo of combos) {
        if (stopped.current) {
          setRow(experimentId, combo.index, { status: "stopped" });
          continue;
        }
        try {
          await runOne(experimentId, sweepId, combo, combos.length);
        } catch (error) {
          setRow(experimentId, combo.index, { status: "failed", error: (error as Error).message });
        }
      }
      setSweeps((current) => ({ ...current, [experimentId]: { ...current[experimentId], running: false } }));
    },
    [runOne, setRow],
  );

  const stopSweep = useCallback(() => {
    stopped.current = true;
    stop();
  }, [stop]);

  return { sweeps, runSweep, stopSweep };
}
