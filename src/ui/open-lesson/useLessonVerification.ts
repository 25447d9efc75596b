/**
 * Verifies an opened lesson file as `lessons:check` does, through the app's
 * own kernel: the runs of `planVerification` one at a time, each in a fresh
 * worker with its time limit, judged into a report that updates as they
 * finish. A new lesson (the file opened again) stops the old verification and starts over.
 */
import { useEffect, useState } from "react";
import type { CellError } from "../../core/evaluation/types";
import type { Lesson } from "../../core/lesson/types";
import type { LoadedDataset } from "../../core/ml/dataset-types";
import type { KernelMessage, KernelRequest } from "../../core/protocol/protocol";
import { newRunId } from "../../core/tracking/record-builders";
import { planVerification, type VerificationStep } from "../../core/verification/verification-plan";
import {
  canRun,
  initialReport,
  judgeStep,
  withSkipped,
  withStep,
  type StepOutcome,
  type VerificationReport,
} from "../../core/verification/verification-report";
import { useServices, type KernelRunner } from "../common/services-context";
import { experimentRequest } from "../lesson/run-requests";
import { EXPERIMENT_TIME_LIMIT_MS } from "../lesson/useExperiments";

/** The kernel request of one step: checks as the instructor sees them, experiments on the CPU backend. */
function requestOf(lesson: Lesson, step: VerificationStep, datasets: LoadedDataset[]): KernelRequest {
  const { run } = step;
  if (run.kind === "experiment") {
    const experiment = lesson.experiments.find((e) => e.id === run.experimentId)!;
    return experimentRequest(lesson, experiment, run.cells, datasets, "cpu");
  }
  return {
    kind: "run-checks",
    runId: newRunId(),
    lesson: { setup: lesson.setup, datasets },
    cells: run.cells,
    checks: run.checks,
    diagnoses: run.diagnoses,
    diagnosisBudgetMs: step.limitMs,
  };
}

/** Runs one step and says how it ended; `onStop` receives the way to stop it. */
async function runStep(
  kernel: KernelRunner,
  request: KernelRequest,
  limitMs: number,
  onStop: (stop: () => void) => void,
): Promise<StepOutcome> {
  const errors: CellError[] = [];
  const handle = kernel.run(request, limitMs, (message: KernelMessage) => {
    if (message.kind === "cell-error") errors.push(message.error);
  });
  onStop(handle.stop);
  const end = await handle.done;
  if (end.kind === "timeout") return { kind: "timeout", limitMs: end.limitMs };
  if (end.kind === "crashed" || end.kind === "refused") return { kind: "crashed", message: end.message };
  if (end.kind === "stopped") return { kind: "crashed", message: "stopped" };
  const message = end.message;
  if (message.kind === "checks-done")
    return { kind: "checks", verdicts: message.verdicts, diagnoses: message.diagnoses ?? [], errors };
  if (message.kind === "experiment-done") return { kind: "experiment", result: message.result };
  if (message.kind === "failed") return { kind: "failed", message: message.message, errors };
  return { kind: "crashed", message: `unexpected reply ${message.kind}` };
}

/** The verification report of `lesson` (null before it starts, or without a lesson). */
export function useLessonVerification(lesson: Lesson | null): VerificationReport | null {
  const { kernel, loadDatasets } = useServices();
  const [report, setReport] = useState<VerificationReport | null>(null);

  useEffect(() => {
    if (!lesson) return setReport(null);
    let cancelled = false;
    let stopCurrent: () => void = () => undefined;
    const plan = planVerification(lesson, { experimentLimitMs: EXPERIMENT_TIME_LIMIT_MS });
    let current = initialReport(plan);
    const show = (next: VerificationReport) => !cancelled && setReport((current = next));
    show(current);
    const started = performance.now();
    (async () => {
      const datasets = await loadDatasets(lesson.meta.datasets);
      for (const step of plan) {
        if (cancelled) return;
        if (!canRun(current, step)) {
          show(withSkipped(current, step));
          continue;
        }
        show(withStep(current, step.id, { state: "running" }));
        const outcome = await runStep(kernel, requestOf(lesson, step, datasets), step.limitMs, (stop) => {
          stopCurrent = stop;
        });
        if (cancelled) return;
        show(withStep(current, step.id, judgeStep(lesson, step, outcome)));
      }
      show({ ...current, elapsedMs: performance.now() - started });
    })().catch((error: Error) => {
      const problems = [
        { line: 1, severity: "error" as const, message: `verification could not run: ${error.message}` },
      ];
      const open = current.items.filter((i) => i.state === "waiting" || i.state === "running");
      show(
        open.reduce(
          (r, i) => withStep(r, i.stepId, { state: "failed", summary: problems[0].message, problems }),
          current,
        ),
      );
    });
    return () => {
      cancelled = true;
      stopCurrent();
    };
  }, [lesson, kernel, loadDatasets]);

  return report;
}
