/**
 * Export of runs together with their artifacts (format `ml-notebook-runs`
 * version 2), written in pieces so thousands of runs serialise without one
 * long task. Read back, all or nothing, by `parseRunsBundle` (run-export.ts).
 * Pure: no file or storage.
 *
 * JSON has no NaN or Infinity: they are written as `{ "$number": "NaN" }` etc.,
 * as in run-export.ts.
 */
import type { ArtifactRecord } from "./artifacts";
import { RUNS_BUNDLE_FORMAT_VERSION, RUNS_EXPORT_FORMAT } from "./run-export";
import type { RunRecord } from "./types";

export { RUNS_BUNDLE_FORMAT_VERSION };

function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? { $number: String(value) } : value;
}

/**
 * The export file as pieces of text (concatenated, they are one JSON object
 * `{ format, formatVersion: 2, exportedAt, appVersion, runs, artifacts }`),
 * one piece per run or artifact, so the caller can yield between pieces.
 */
export function* exportBundleChunks(
  runs: Iterable<RunRecord>,
  artifacts: Iterable<ArtifactRecord>,
  meta: { appVersion: string; exportedAt: string },
): Generator<string> {
  const header = {
    format: RUNS_EXPORT_FORMAT,
    formatVersion: RUNS_BUNDLE_FORMAT_VERSION,
    exportedAt: meta.exportedAt,
    appVersion: meta.appVersion,
  };
  yield JSON.stringify(header).slice(0, -1) + ',\n"runs": [';
  let first = true;
  for (const run of runs) {
    yield (first ? "\n" : ",\n") + JSON.stringify(run, encodeNonFinite);
    first = false;
  }
  yield '\n],\n"artifacts": [';
  first = true;
  for (const artifact of artifacts) {
    yield (first ? "\n" : ",\n") + JSON.stringify(artifact);
    first = false;
  }
  yield "\n]}\n";
}
