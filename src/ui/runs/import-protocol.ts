/** Messages between the Runs page and the runs-import worker (`import.worker.ts`): one request, then a stream. */
import type { ImportProgress } from "../../core/tracking/run-export";

/** The page asks the worker to import one file. */
export interface ImportRequest {
  file: File;
}

/** Where the import is, for the progress bar. */
export type ImportStage = ImportProgress | { phase: "reading" | "saving"; done: number; total: number };

/** What the worker reports: progress, then exactly one of `refused` or `imported`. */
export type ImportMessage =
  | { kind: "progress"; stage: ImportStage }
  /** Nothing was written: `errors` (bounded) and how many there were in all. */
  | { kind: "refused"; errors: string[]; errorCount: number }
  | { kind: "imported"; imported: number; skipped: number };
