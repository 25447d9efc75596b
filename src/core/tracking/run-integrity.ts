/**
 * Checks that an imported run's checksums still describe it: the SHA-256 of
 * its code text is recomputed, and its dataset must be one this app ships,
 * with the registry's SHA-256. Runs carry no artifacts yet; when they do,
 * their checksums belong here too. Pure apart from the injected hash.
 */
import { findDataset } from "../ml/datasets-registry";
import { ErrorList, type ImportProgress, type ParsedRunsExport } from "./run-export";
import type { RunRecord } from "./types";

/** SHA-256 of a string's UTF-8 bytes, lower-case hex (`sha256Hex` in the app). */
export type Sha256 = (text: string) => Promise<string>;

/** Problems of one run's checksums, as `field: reason` texts (empty when it is intact). */
export async function runIntegrityIssues(run: RunRecord, sha256: Sha256): Promise<string[]> {
  const issues: string[] = [];
  const { id, version, sha256: datasetSha } = run.dataset;
  const entry = findDataset(id, version);
  if (!entry) issues.push(`dataset: ${id}@${version} is not a dataset this app ships`);
  else if (entry.sha256 !== datasetSha)
    issues.push(`dataset.sha256: does not match the SHA-256 of ${id}@${version} in this app (changed after the run?)`);
  if ((await sha256(run.code.text)) !== run.code.sha256)
    issues.push("code.sha256: does not match the code's SHA-256 (the code or its checksum was changed after the run)");
  return issues;
}

/**
 * Verifies every run (all or nothing, like `parseRunsExport`): any mismatch
 * gives errors `run N: ...` and no runs. Calls `onProgress` as it goes.
 */
export async function verifyRunsIntegrity(
  runs: RunRecord[],
  sha256: Sha256,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ParsedRunsExport> {
  const errors = new ErrorList();
  for (const [index, run] of runs.entries()) {
    if (index % 50 === 0) onProgress?.({ phase: "checksums", done: index, total: runs.length });
    (await runIntegrityIssues(run, sha256)).forEach((issue) => errors.add(`run ${index + 1}: ${issue}`));
  }
  return errors.count > 0
    ? { runs: [], errors: errors.lines, errorCount: errors.count }
    : { runs, errors: [], errorCount: 0 };
}
