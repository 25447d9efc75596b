/** Inspects a lesson file in a fresh worker (`inspect-lesson.worker.ts`), so the page never parses it itself. */
import type { InspectRequest, InspectResponse } from "./inspect-protocol";

/** Longest an inspection may take before the worker is ended and the file refused. */
const INSPECT_TIME_LIMIT_MS = 20_000;

/** Resolves with the inspection; a worker that fails or takes too long gives an error diagnostic. Never rejects. */
export function inspectOffThread(request: InspectRequest): Promise<InspectResponse> {
  const worker = new Worker(new URL("./inspect-lesson.worker.ts", import.meta.url), {
    type: "module",
    name: "lesson-inspector",
  });
  return new Promise<InspectResponse>((resolve) => {
    const fail = (message: string): InspectResponse => ({
      text: "",
      lesson: null,
      diagnostics: [{ line: 1, severity: "error", message }],
    });
    const finish = (response: InspectResponse) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(response);
    };
    const timer = setTimeout(
      () => finish(fail(`reading this file took more than ${INSPECT_TIME_LIMIT_MS / 1000} s; it was not opened`)),
      INSPECT_TIME_LIMIT_MS,
    );
    worker.addEventListener("message", (event: MessageEvent<InspectResponse>) => finish(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      finish(fail(`could not read the file: ${event.message || "the reader stopped (out of memory?)"}`));
    });
    worker.postMessage(request);
  });
}
