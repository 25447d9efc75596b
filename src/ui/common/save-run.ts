/**
 * Saves a finished experiment run (IndexedDB stores "runs", "runSummaries"
 * and "artifacts"): builds its record with everything a replay needs, and its
 * artifacts (parameters JSON, loss history CSV, plot data) with SHA-256s.
 * Shared by the lesson page (runs and sweeps) and the run page (replays).
 */
import type { ExperimentResult } from "../../core/experiments/result-types";
import type { Lesson } from "../../core/lesson/types";
import { sha256Hex } from "../../core/ml/sha256";
import type { RunExperimentRequest } from "../../core/protocol/protocol";
import { runArtifactContents, ARTIFACT_SCHEMA_VERSION } from "../../core/tracking/artifacts";
import { buildRunRecord, runCodeText } from "../../core/tracking/record-builders";
import { buildReplayInputs, lessonFingerprintOf } from "../../core/tracking/replay-inputs";
import type { ReplayInputs, RunExtras } from "../../core/tracking/run-extras";
import type { RunRecord } from "../../core/tracking/types";
import type { AppServices } from "./services-context";
import type { PreparedArtifact } from "../../storage/tracking-repo";

/** The replay inputs of a run made on a lesson page, with the lesson's checksum. */
export async function replayInputsFromLesson(lesson: Lesson, request: RunExperimentRequest): Promise<ReplayInputs> {
  const fingerprint = lessonFingerprintOf(lesson, request.experimentId) ?? "";
  return buildReplayInputs({
    lesson,
    spec: request.spec,
    cells: request.cells,
    reference: request.reference,
    lessonSha256: await sha256Hex(fingerprint),
  });
}

async function prepareArtifacts(record: RunRecord, result: ExperimentResult): Promise<PreparedArtifact[]> {
  return Promise.all(
    runArtifactContents(record, result.plots).map(async (content) => ({
      schemaVersion: ARTIFACT_SCHEMA_VERSION,
      lessonId: record.lessonId,
      name: content.name,
      runId: record.runId,
      mediaType: content.mediaType,
      bytes: new TextEncoder().encode(content.text).byteLength,
      sha256: await sha256Hex(content.text),
      createdAt: record.createdAt,
      text: content.text,
    })),
  );
}

/** Builds the run's record (with `extras`: replay inputs, sweep, replayOf, tags) and saves it with its artifacts. */
export async function saveExperimentRun(
  services: Pick<AppServices, "getRepos" | "environment">,
  run: { request: RunExperimentRequest; lessonId: string; result: ExperimentResult; extras: RunExtras },
): Promise<RunRecord> {
  const { request, result } = run;
  const text = runCodeText(request.cells);
  const dataset = request.lesson.datasets.find((d) => d.id === request.spec.dataset.id)!;
  const record: RunRecord = {
    ...buildRunRecord({
      runId: request.runId,
      lessonId: run.lessonId,
      experiment: { id: request.experimentId, spec: request.spec },
      dataset,
      code: { text, sha256: await sha256Hex(text) },
      result,
      environment: services.environment.snapshot(),
      now: new Date().toISOString(),
    }),
    ...run.extras,
  };
  const artifacts = await prepareArtifacts(record, result);
  return (await services.getRepos()).tracking.saveRun(record, artifacts);
}
