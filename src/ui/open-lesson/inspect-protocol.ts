/** Messages to and from the lesson-file inspector worker (`inspect-lesson.worker.ts`). */
import type { ParseResult } from "../../core/lesson/types";

/** A file to read and inspect, or text already read (a stored local lesson). */
export interface InspectRequest {
  source: { kind: "file"; file: File } | { kind: "text"; text: string };
  /** Built-in lessons as [id, title] pairs, for the id-collision warning. */
  builtinTitles: [string, string][];
}

/** The file's text (empty when it was not read) and what `inspectLessonFile` found. */
export type InspectResponse = ParseResult & { text: string };
