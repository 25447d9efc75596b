import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sampleDraft } from "../core/tracking/fixtures";
import { clearDraftJournal, replayDraftJournal, writeDraftJournal } from "./draft-journal";
import { createDraftsRepo } from "./drafts-repo";
import { freshDb } from "./test-support";

/** A Map-backed stand-in for window.localStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe("the drafts journal in localStorage", () => {
  beforeEach(() => vi.stubGlobal("localStorage", memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it("replays a journal entry newer than the stored draft into IndexedDB, then clears it", async () => {
    const drafts = createDraftsRepo((await freshDb()).db);
    await drafts.put(sampleDraft({ code: "old", updatedAt: "2026-11-03T09:00:00.000Z" }));
    writeDraftJournal(sampleDraft({ code: "typed just before the reload", updatedAt: "2026-11-03T09:00:01.000Z" }));
    expect(await replayDraftJournal(drafts, "linear-regression")).toBe(1);
    expect((await drafts.get("linear-regression", "compute-cost")).record?.code).toBe("typed just before the reload");
    expect(localStorage.length).toBe(0);
  });

  it("keeps the stored draft when it is newer (saved by another tab), and still clears the entry", async () => {
    const drafts = createDraftsRepo((await freshDb()).db);
    await drafts.put(sampleDraft({ code: "newer", updatedAt: "2026-11-03T10:00:00.000Z" }));
    writeDraftJournal(sampleDraft({ code: "older", updatedAt: "2026-11-03T09:00:00.000Z" }));
    expect(await replayDraftJournal(drafts, "linear-regression")).toBe(0);
    expect((await drafts.get("linear-regression", "compute-cost")).record?.code).toBe("newer");
    expect(localStorage.length).toBe(0);
  });

  it("leaves other lessons' entries, and an entry newer than the draft IndexedDB just saved", async () => {
    const drafts = createDraftsRepo((await freshDb()).db);
    writeDraftJournal(sampleDraft({ lessonId: "other-lesson" }));
    const saved = sampleDraft({ updatedAt: "2026-11-03T09:00:00.000Z" });
    writeDraftJournal(sampleDraft({ updatedAt: "2026-11-03T09:00:05.000Z" }));
    clearDraftJournal(saved);
    expect(localStorage.length).toBe(2);
    await replayDraftJournal(drafts, "linear-regression");
    expect(localStorage.length).toBe(1);
  });
});
