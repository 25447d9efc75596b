/**
 * What the app knows about a lesson file an instructor opens at run time
 * (the `Open lesson file` page): the parser's diagnostics plus the checks
 * that need the app itself (`appDiagnostics`, shared with `verifyLesson`):
 * every dataset is in the registry, every experiment has the params its task
 * needs; and the id does not collide with a built-in lesson. The first stage
 * of `verifyLesson` too, so `lessons:check` applies the same rules (the size
 * and YAML depth bounds of `lesson-file-limits.ts` included). Pure.
 */
import { missingParamDiagnostics } from "../experiments/task-params";
import { pushError, pushWarning, sortDiagnostics } from "../lesson/diagnostics";
import { MAX_LESSON_FILE_CHARS } from "../lesson/lesson-file-limits";
import { parseLesson } from "../lesson/parse-lesson";
import type { Diagnostic, Lesson, ParseResult } from "../lesson/types";
import { unknownDatasetDiagnostics } from "./lesson-lines";

export { MAX_LESSON_FILE_CHARS } from "../lesson/lesson-file-limits";

export interface InspectOptions {
  /** Built-in lessons by id (id -> title). */
  builtinTitles?: ReadonlyMap<string, string>;
}

/**
 * The checks of a parsed lesson that need this app's registries: datasets it
 * does not ship, experiments missing params their task needs. The first stage
 * of lesson verification, in the browser and in `lessons:check`.
 */
export function appDiagnostics(text: string, lesson: Lesson): Diagnostic[] {
  return [...unknownDatasetDiagnostics(text, lesson), ...missingParamDiagnostics(lesson)];
}

/** Parses `text` and adds the app-level diagnostics. `lesson` is null when the file is unusable. */
export function inspectLessonFile(text: string, options: InspectOptions = {}): ParseResult {
  if (text.length > MAX_LESSON_FILE_CHARS) {
    const diags: Diagnostic[] = [];
    pushError(
      diags,
      1,
      `this file has ${text.length} characters, more than a lesson file may have (${MAX_LESSON_FILE_CHARS}); is it the right file?`,
    );
    return { lesson: null, diagnostics: diags };
  }
  const parsed = parseLesson(text);
  if (!parsed.lesson) return parsed;
  const diags = [...parsed.diagnostics, ...appDiagnostics(text, parsed.lesson)];
  const id = parsed.lesson.meta.id;
  const builtinTitle = options.builtinTitles?.get(id);
  if (builtinTitle !== undefined) {
    pushWarning(
      diags,
      frontMatterFieldLine(text, "id"),
      `id '${id}' is also the id of the built-in lesson "${builtinTitle}": the two share the learner's drafts and progress. Give this lesson its own id unless it replaces that one.`,
    );
  }
  return { lesson: parsed.lesson, diagnostics: sortDiagnostics(diags) };
}

/** True when the file can be opened: it has a lesson and no errors (warnings are fine). */
export function isOpenable(result: ParseResult): boolean {
  return result.lesson !== null && !result.diagnostics.some((d) => d.severity === "error");
}

/** File line of a top-level front matter field, or 1. */
function frontMatterFieldLine(text: string, field: string): number {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  const index = lines
    .slice(0, close < 0 ? lines.length : close)
    .findIndex((line) => new RegExp(`^${field}\\s*:`).test(line));
  return index >= 0 ? index + 1 : 1;
}
