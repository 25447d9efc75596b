/** Runs one import in a fresh worker (`import.worker.ts`) and settles with its outcome; the worker is ended after. */
import type { ImportMessage, ImportStage } from "./import-protocol";

/** How an import ended. */
export type ImportOutcome = Exclude<ImportMessage, { kind: "progress" }>;

/** Imports `file`; `onProgress` gets each stage. Never rejects: a crashed worker is a refusal. */
export function importRunsFile(file: File, onProgress: (stage: ImportStage) => void): Promise<ImportOutcome> {
  const worker = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module", name: "runs-import" });
  return new Promise<ImportOutcome>((resolve) => {
    const finish = (outcome: ImportOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener("message", (event: MessageEvent<ImportMessage>) => {
      if (event.data.kind === "progress") onProgress(event.data.stage);
      else finish(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      const why = event.message || "the import worker stopped (out of memory?)";
      finish({ kind: "refused", errors: [`could not import: ${why}`], errorCount: 1 });
    });
    worker.postMessage({ file });
  });
}
