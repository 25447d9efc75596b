/**
 * The drafts journal: a synchronous copy of each draft written on every
 * change (IndexedDB writes are asynchronous, and one started in `pagehide`
 * does not survive a reload in Chromium), replayed into IndexedDB on the next
 * load. These are its pure rules: keys, parsing, and which copy wins.
 */
import { restoreDraft } from "../tracking/migrations";
import type { DraftRecord } from "../tracking/types";

/** Prefix of every journal key. DO NOT CHANGE: journals written by older versions would never be replayed. */
export const DRAFT_JOURNAL_PREFIX = "ml-notebook/draft-journal/";

/** The journal key of one exercise's draft. */
export function draftJournalKey(lessonId: string, exerciseId: string): string {
  return `${DRAFT_JOURNAL_PREFIX}${lessonId}/${exerciseId}`;
}

/** The lesson id a journal key belongs to, or null for a key that is not a journal entry. */
export function journalKeyLesson(key: string): string | null {
  if (!key.startsWith(DRAFT_JOURNAL_PREFIX)) return null;
  const rest = key.slice(DRAFT_JOURNAL_PREFIX.length);
  const slash = rest.indexOf("/");
  return slash > 0 ? rest.slice(0, slash) : null;
}

/** A journal entry's text as a valid draft, or null when it is not one (damaged, or from an unknown version). */
export function parseJournalEntry(text: string | null): DraftRecord | null {
  if (text === null) return null;
  try {
    const restored = restoreDraft(JSON.parse(text));
    return restored.ok ? restored.record : null;
  } catch {
    return null;
  }
}

/**
 * Whether the journal's copy should replace the stored draft: when none is
 * stored, or the journal's is newer (`updatedAt`, ISO times). Ties keep the
 * stored one. Pure.
 */
export function journalWins(journal: DraftRecord, stored: DraftRecord | undefined): boolean {
  return stored === undefined || Date.parse(journal.updatedAt) > Date.parse(stored.updatedAt);
}
