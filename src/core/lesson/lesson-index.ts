/**
 * A lesson's catalogue entry: what the start page shows without parsing the
 * lesson (no YAML, no zod in the first page). Built at build time from each
 * lesson file by the Vite plugin `scripts/vite-plugins/lesson-index.ts`. Pure.
 */
import type { Diagnostic, ParseResult } from "./types";

/** One lesson file as the catalogue lists it. */
export interface LessonIndexEntry {
  /** File name, e.g. `01-linear-regression-one-variable.md`. */
  file: string;
  /** FNV-1a hash of the file's text (8 hex digits): a new value means the text changed. */
  hash: string;
  /** Null when the file does not parse; `diagnostics` then says why. */
  lesson: { id: string; title: string; summary: string; order: number; exerciseIds: string[] } | null;
  /** Errors of a broken file (empty when it parses). */
  diagnostics: Diagnostic[];
}

/** 32-bit FNV-1a of `text` as 8 hex digits: cheap change detection, not a security hash. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** The catalogue entry of a parsed lesson file (diagnostics kept only when the lesson did not parse). */
export function lessonIndexEntry(file: string, text: string, parsed: ParseResult): LessonIndexEntry {
  const { lesson } = parsed;
  return {
    file,
    hash: textHash(text),
    lesson: lesson
      ? {
          id: lesson.meta.id,
          title: lesson.meta.title,
          summary: lesson.meta.summary,
          order: lesson.meta.order,
          exerciseIds: lesson.exercises.map((e) => e.id),
        }
      : null,
    diagnostics: lesson ? [] : parsed.diagnostics,
  };
}

/** Catalogue order: by `order`, broken files last, ties by file name. Returns a new array. */
export function sortLessonIndex<T extends { file: string; lesson: { order: number } | null }>(entries: T[]): T[] {
  return [...entries].sort(
    (a, b) => (a.lesson?.order ?? Infinity) - (b.lesson?.order ?? Infinity) || a.file.localeCompare(b.file),
  );
}
