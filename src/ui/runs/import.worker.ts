/**
 * Imports a runs export off the main thread, all or nothing: refuses files
 * over `MAX_IMPORT_FILE_BYTES` unread, parses and validates every run and
 * artifact, recomputes every run checksum and every artifact's SHA-256, and
 * only then writes the runs, their summaries and artifacts in one IndexedDB
 * transaction (database "ml-notebook", stores "runs", "runSummaries" and
 * "artifacts"). Nothing here blocks the page, whatever the file holds.
 */
import { sha256Hex } from "../../core/ml/sha256";
import { artifactsIntegrityIssues } from "../../core/tracking/artifacts";
import { formatMegabytes, MAX_IMPORT_FILE_BYTES } from "../../core/tracking/import-limits";
import { ErrorList, parseRunsBundle } from "../../core/tracking/run-export";
import { verifyRunsIntegrity } from "../../core/tracking/run-integrity";
import { openNotebookDb } from "../../storage/db";
import { StorageError } from "../../storage/storage-error";
import { createTrackingRepo } from "../../storage/tracking-repo";
import type { ImportMessage, ImportRequest, ImportStage } from "./import-protocol";

const post = (message: ImportMessage) => postMessage(message);
const progress = (stage: ImportStage) => post({ kind: "progress", stage });
const refuse = (errors: string[], errorCount = errors.length) => post({ kind: "refused", errors, errorCount });

/** Every checksum problem of the file's runs and artifacts, bounded like the parse errors. */
async function checksumProblems(parsed: ReturnType<typeof parseRunsBundle>): Promise<ErrorList> {
  const errors = new ErrorList();
  const runs = await verifyRunsIntegrity(parsed.runs, sha256Hex, progress);
  runs.errors.forEach((line) => errors.add(line));
  errors.count += runs.errorCount - runs.errors.length;
  const onArtifact = (done: number, total: number) => progress({ phase: "artifacts", done, total });
  (await artifactsIntegrityIssues(parsed.artifacts, onArtifact)).forEach((line) => errors.add(line));
  return errors;
}

async function importFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return refuse([
      `the file is ${formatMegabytes(file.size)}, more than an import may be (${formatMegabytes(MAX_IMPORT_FILE_BYTES)}); it was not read`,
    ]);
  }
  progress({ phase: "reading", done: 0, total: file.size });
  const parsed = parseRunsBundle(await file.text(), progress);
  if (parsed.errorCount > 0) return refuse(parsed.errors, parsed.errorCount);
  const problems = await checksumProblems(parsed);
  if (problems.count > 0) return refuse(problems.lines, problems.count);
  const total = parsed.runs.length;
  progress({ phase: "saving", done: 0, total });
  const db = await openNotebookDb();
  try {
    const tracking = createTrackingRepo(db);
    const onSaved = (done: number) => progress({ phase: "saving", done, total });
    const { imported, skipped } = await tracking.importBundle(parsed.runs, parsed.artifacts, onSaved);
    post({ kind: "imported", imported: imported.length, skipped: skipped.length });
  } finally {
    db.close();
  }
}

addEventListener("message", (event: MessageEvent<ImportRequest>) => {
  importFile(event.data.file).catch((error: unknown) => {
    if (error instanceof StorageError && error.issues.length > 0) refuse(error.issues);
    else refuse([`could not import: ${error instanceof Error ? error.message : String(error)}`]);
  });
});
