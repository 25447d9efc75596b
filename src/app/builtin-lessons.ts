/**
 * The lessons shipped with the app: every `lessons/NN-*.md` file, bundled as
 * text at build time and parsed with the same parser instructors' tools use.
 */
import { parseLesson } from "../core/lesson/parse-lesson";
import type { Diagnostic, Lesson } from "../core/lesson/types";

const files = import.meta.glob("../../lessons/[0-9]*.md", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

export interface BuiltinLesson {
  file: string;
  lesson: Lesson | null;
  diagnostics: Diagnostic[];
}

/** Every built-in lesson in catalogue order; broken ones are kept with their diagnostics. */
export const BUILTIN_LESSONS: BuiltinLesson[] = Object.entries(files)
  .map(([path, text]) => ({ file: path.split("/").pop()!, ...parseLesson(text) }))
  .sort((a, b) => (a.lesson?.meta.order ?? Infinity) - (b.lesson?.meta.order ?? Infinity) || a.file.localeCompare(b.file));

export function findBuiltinLesson(id: string): BuiltinLesson | undefined {
  return BUILTIN_LESSONS.find((entry) => entry.lesson?.meta.id === id);
}
