// Persists a synchronous copy of each draft in localStorage (keys "ml-notebook/draft-journal/<lesson>/<exercise>"), replayed into IndexedDB on the next load.
import {
  DRAFT_JOURNAL_PREFIX,
  draftJournalKey,
  journalKeyLesson,
  journalWins,
  parseJournalEntry,
} from "../core/session/draft-journal";
import type { DraftRecord } from "../core/tracking/types";
import type { DraftsRepo } from "./drafts-repo";

/** The browser's localStorage, or null where it is missing or denied (then the journal is skipped). */
function journalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Writes `draft` to the journal at once (synchronous: it survives a reload or
 * a tab closed right after). Returns false when it could not (storage full or
 * denied); IndexedDB is still tried by the caller.
 */
export function writeDraftJournal(draft: DraftRecord): boolean {
  try {
    journalStorage()?.setItem(draftJournalKey(draft.lessonId, draft.exerciseId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Removes the journal entry of a draft once IndexedDB holds it, unless a newer one was written meanwhile. */
export function clearDraftJournal(draft: DraftRecord): void {
  const storage = journalStorage();
  const key = draftJournalKey(draft.lessonId, draft.exerciseId);
  const entry = parseJournalEntry(storage?.getItem(key) ?? null);
  if (entry && Date.parse(entry.updatedAt) > Date.parse(draft.updatedAt)) return;
  storage?.removeItem(key);
}

/** Every journal entry of a lesson, valid or not, by key. */
function journalKeys(storage: Storage, lessonId: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(DRAFT_JOURNAL_PREFIX) && journalKeyLesson(key) === lessonId) keys.push(key);
  }
  return keys;
}

/**
 * Replays a lesson's journal into IndexedDB: each entry newer than the stored
 * draft (or with none stored) is saved, then the entry is cleared. An entry
 * whose stored draft is unreadable is kept (the learner decides with
 * `Download and replace`); an unreadable entry is dropped. Resolves with the
 * number of drafts written; rejects only when IndexedDB fails (the journal is
 * then kept for the next load).
 */
export async function replayDraftJournal(drafts: DraftsRepo, lessonId: string): Promise<number> {
  const storage = journalStorage();
  if (!storage) return 0;
  let written = 0;
  for (const key of journalKeys(storage, lessonId)) {
    const entry = parseJournalEntry(storage.getItem(key));
    if (!entry) {
      storage.removeItem(key);
      continue;
    }
    const stored = await drafts.get(entry.lessonId, entry.exerciseId);
    if (stored.invalid.length > 0) continue;
    if (journalWins(entry, stored.record)) {
      await drafts.put(entry);
      written++;
    }
    clearDraftJournal(entry);
  }
  return written;
}
