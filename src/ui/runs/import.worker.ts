/**
 * Imports a runs export off the main thread, all or nothing: refuses files
 * over `MAX_IMPORT_FILE_BYTES` unread, parses and validates every run,
 * recomputes every checksum, and only then writes all runs in one IndexedDB
 * transaction (database "ml-notebook", store "runs"). Nothing here blocks the
 * page, whatever the file holds.
 */
import { sha256Hex } from "../../core/ml/sha256";
import { formatMegabytes, MAX_IMPORT_FILE_BYTES } from "../../core/tracking/import-limits";
import { parseRunsExport } from "../../core/tracking/run-export";
import { verifyRunsIntegrity } from "../../core/tracking/run-integrity";
import { openNotebookDb } from "../../storage/db";
import { createRunsRepo } from "../../storage/runs-repo";
import { StorageError } from "../../storage/storage-error";
import type { ImportMessage, ImportRequest, ImportStage } from "./import-protocol";

const post = (message: ImportMessage) => postMessage(message);
const progress = (stage: ImportStage) => post({ kind: "progress", stage });
const refuse = (errors: string[], errorCount = errors.length) => post({ kind: "refused", errors, errorCount });

async function importFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return refuse([
      `the file is ${formatMegabytes(file.size)}, more than an import may be (${formatMegabytes(MAX_IMPORT_FILE_BYTES)}); it was not read`,
    ]);
  }
  progress({ phase: "reading", done: 0, total: file.size });
  const text = await file.text();
  const parsed = parseRunsExport(text, progress);
  if (parsed.errorCount > 0) return refuse(parsed.errors, parsed.errorCount);
  const verified = await verifyRunsIntegrity(parsed.runs, sha256Hex, progress);
  if (verified.errorCount > 0) return refuse(verified.errors, verified.errorCount);
  progress({ phase: "saving", done: 0, total: verified.runs.length });
  const db = await openNotebookDb();
  try {
    const { imported, skipped } = await createRunsRepo(db).importMany(verified.runs);
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
