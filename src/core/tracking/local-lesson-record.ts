/**
 * A lesson an instructor opened from a local file (the `Open lesson file`
 * page), kept so reloading the page brings it back. The text is stored as
 * read; it is parsed again on every load, so a newer parser sees the file
 * fresh. Pure: types, schema, validation.
 */
import { z } from "zod";
import { LESSON_ID_PATTERN, MAX_ID_CHARS } from "../lesson/id-patterns";
import { MAX_LESSON_FILE_CHARS } from "../lesson/lesson-file-limits";
import { MAX_TEXT_CHARS } from "./import-limits";
import type { RestoreResult } from "./migrations";
import { formatIssues, type ValidationResult } from "./schemas";

/** Schema version of `LocalLessonRecord`. Bump it, and add a migration, when the shape changes. */
export const LOCAL_LESSON_SCHEMA_VERSION = 1;

/** The last text of a locally opened lesson file, keyed by the lesson's id. */
export interface LocalLessonRecord {
  schemaVersion: typeof LOCAL_LESSON_SCHEMA_VERSION;
  /** The `id` of the lesson's front matter; drafts and progress use the same id. */
  lessonId: string;
  /** The file's name as the browser gave it, e.g. `05-my-lesson.md` (no path). */
  fileName: string;
  /** The whole lesson file. */
  text: string;
  /** When it was last opened, ISO 8601. */
  openedAt: string;
}

const localLessonSchema = z.strictObject({
  schemaVersion: z.literal(LOCAL_LESSON_SCHEMA_VERSION),
  lessonId: z.string().max(MAX_ID_CHARS).regex(LESSON_ID_PATTERN, "expected a kebab-case lesson id"),
  fileName: z.string().max(MAX_TEXT_CHARS),
  text: z.string().max(MAX_LESSON_FILE_CHARS),
  openedAt: z.iso.datetime({ offset: true, message: "expected an ISO 8601 date-time" }),
}) satisfies z.ZodType<LocalLessonRecord>;

/** Validates a local lesson record; returns a copy, never mutates `value`. */
export function validateLocalLesson(value: unknown): ValidationResult<LocalLessonRecord> {
  const result = localLessonSchema.safeParse(value);
  return result.success ? { ok: true, record: result.data } : { ok: false, issues: formatIssues(result.error.issues) };
}

/** Validates a stored record (there are no older versions to migrate yet); a newer version is reported as such. */
export function restoreLocalLesson(raw: unknown): RestoreResult<LocalLessonRecord> {
  const version =
    typeof raw === "object" && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === "number" && version > LOCAL_LESSON_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [`schemaVersion ${version} is newer than this app reads (${LOCAL_LESSON_SCHEMA_VERSION})`],
      tooNew: true,
    };
  }
  const validation = validateLocalLesson(raw);
  return validation.ok
    ? { ok: true, record: validation.record, migrated: false }
    : { ok: false, issues: validation.issues, tooNew: false };
}
