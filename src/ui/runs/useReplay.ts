/**
 * Replays a stored run from its record in a fresh kernel worker, checks the
 * checksums of its code, dataset and lesson first, saves the replay as a run
 * linked to its original (`replayOf`) and compares the two.
 */
import { useCallback, useState } from "react";
import type { Lesson } from "../../core/lesson/types";
import { sha256Hex } from "../../core/ml/sha256";
import type { RunExperimentRequest } from "../../core/protocol/protocol";
import { newRunId, runCodeText } from "../../core/tracking/record-builders";
import {
  checksumMismatches,
  compareReplay,
  describeVerdict,
  replayInputsProblem,
  type ReplayVerdict,
} from "../../core/tracking/replay";
import { lessonFingerprintOf, recordedSpec } from "../../core/tracking/replay-inputs";
import type { RunRecord } from "../../core/tracking/types";
import { saveExperimentRun } from "../common/save-run";
import { useServices, type AppServices } from "../common/services-context";

/** Where a replay stands. */
export type ReplayState =
  | { phase: "idle" }
  | { phase: "running"; stop(): void }
  | { phase: "refused"; problems: string[] }
  | { phase: "failed"; message: string }
  | { phase: "done"; verdict: ReplayVerdict; text: string; replay: RunRecord };

/** A replay gets as long as an experiment run. */
const REPLAY_TIME_LIMIT_MS = 120_000;

/** The lesson a run came from, if this browser has it (built-in, or opened from a local file). */
async function findLesson(services: AppServices, lessonId: string): Promise<Lesson | null> {
  const entry = services.builtinLessons.get().find((candidate) => candidate.lesson?.id === lessonId);
  if (entry) {
    const builtin = await services.builtinLessons.load(entry);
    if (builtin.lesson) return builtin.lesson;
  }
  const { record } = await services.localLessons.find(lessonId);
  return record ? (await services.localLessons.inspect(record.fileName, record.text)).lesson : null;
}

/** The kernel request that replays `run`, or the checksum problems that stop it. */
async function prepareReplay(
  services: AppServices,
  run: RunRecord,
): Promise<{ ok: true; request: RunExperimentRequest } | { ok: false; problems: string[] }> {
  const problem = replayInputsProblem(run);
  const spec = recordedSpec(run);
  if (problem || !spec || !run.replay) return { ok: false, problems: [problem ?? "No replay inputs."] };
  const inputs = run.replay;
  const [datasets, lesson] = await Promise.all([
    services.loadDatasets([{ id: run.dataset.id, version: run.dataset.version }]),
    findLesson(services, run.lessonId),
  ]);
  const fingerprint = lesson ? lessonFingerprintOf(lesson, run.experimentId) : null;
  const problems = checksumMismatches(run, {
    code: await sha256Hex(runCodeText(inputs.cells)),
    dataset: datasets[0].sha256,
    lesson: fingerprint === null ? undefined : await sha256Hex(fingerprint),
  });
  if (problems.length > 0) return { ok: false, problems };
  const request: RunExperimentRequest = {
    kind: "run-experiment",
    runId: newRunId(),
    lesson: { setup: inputs.setup, datasets },
    cells: inputs.cells,
    experimentId: run.experimentId,
    spec,
    reference: inputs.reference,
    // The backend the original actually used, so the replay is like for like.
    backend: run.backend.used,
  };
  return { ok: true, request };
}

/** Replays one run; `onSaved` is called with the saved replay. */
export function useReplay(run: RunRecord | undefined, onSaved: (replay: RunRecord) => void) {
  const services = useServices();
  const [state, setState] = useState<ReplayState>({ phase: "idle" });
  const replay = useCallback(async () => {
    if (!run) return;
    try {
      const prepared = await prepareReplay(services, run);
      if (!prepared.ok) return setState({ phase: "refused", problems: prepared.problems });
      const handle = services.kernel.run(prepared.request, REPLAY_TIME_LIMIT_MS, () => undefined);
      setState({ phase: "running", stop: handle.stop });
      const end = await handle.done;
      if (end.kind !== "finished" || end.message.kind !== "experiment-done") {
        const why = end.kind === "finished" && end.message.kind === "failed" ? end.message.message : end.kind;
        return setState({ phase: "failed", message: `The replay did not finish: ${why}.` });
      }
      const saved = await saveExperimentRun(services, {
        request: prepared.request,
        lessonId: run.lessonId,
        result: end.message.result,
        extras: { replay: run.replay, replayOf: run.runId },
      });
      const verdict = compareReplay(run, saved);
      setState({ phase: "done", verdict, text: describeVerdict(verdict), replay: saved });
      onSaved(saved);
    } catch (error) {
      setState({ phase: "failed", message: (error as Error).message });
    }
  }, [run, services, onSaved]);
  return { state, replay };
}
