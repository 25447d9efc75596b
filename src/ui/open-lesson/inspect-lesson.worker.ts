/**
 * Reads and inspects a lesson file off the main thread (`inspectLessonFile`,
 * the same rules as `lessons:check`): an oversized file is refused unread, and
 * a hostile one (deep YAML, huge text) cannot freeze the page.
 */
import { inspectLessonFile } from "../../core/verification/inspect-lesson-file";
import { lessonFileSizeProblem } from "../../core/lesson/lesson-file-limits";
import type { InspectRequest, InspectResponse } from "./inspect-protocol";

async function inspect(request: InspectRequest): Promise<InspectResponse> {
  const builtinTitles = new Map(request.builtinTitles);
  if (request.source.kind === "text")
    return { text: request.source.text, ...inspectLessonFile(request.source.text, { builtinTitles }) };
  const { file } = request.source;
  const tooBig = lessonFileSizeProblem(file.size);
  if (tooBig) return { text: "", lesson: null, diagnostics: [{ line: 1, severity: "error", message: tooBig }] };
  const text = await file.text();
  return { text, ...inspectLessonFile(text, { builtinTitles }) };
}

addEventListener("message", (event: MessageEvent<InspectRequest>) => {
  inspect(event.data)
    .then((response) => postMessage(response))
    .catch((error: unknown) =>
      postMessage({
        text: "",
        lesson: null,
        diagnostics: [{ line: 1, severity: "error", message: `could not read the file: ${String(error)}` }],
      } satisfies InspectResponse),
    );
});
