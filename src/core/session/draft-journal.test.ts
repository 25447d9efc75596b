import { describe, expect, it } from "vitest";
import { sampleDraft } from "../tracking/fixtures";
import { draftJournalKey, journalKeyLesson, journalWins, parseJournalEntry } from "./draft-journal";

describe("the drafts journal", () => {
  it("keys entries by lesson and exercise, and finds the lesson back", () => {
    const key = draftJournalKey("linear-regression", "computeCost");
    expect(key).toBe("ml-notebook/draft-journal/linear-regression/computeCost");
    expect(journalKeyLesson(key)).toBe("linear-regression");
    expect(journalKeyLesson("other/key")).toBeNull();
  });

  it("reads back a valid draft and nothing from a damaged entry", () => {
    const draft = sampleDraft();
    expect(parseJournalEntry(JSON.stringify(draft))).toEqual(draft);
    expect(parseJournalEntry("{not json")).toBeNull();
    expect(parseJournalEntry(JSON.stringify({ ...draft, code: 1 }))).toBeNull();
    expect(parseJournalEntry(null)).toBeNull();
  });

  it("replaces the stored draft when there is none or the journal's is newer, never on a tie", () => {
    const stored = sampleDraft({ updatedAt: "2026-11-03T09:00:00.000Z" });
    expect(journalWins(sampleDraft({ updatedAt: "2026-11-03T09:00:00.001Z" }), stored)).toBe(true);
    expect(journalWins(sampleDraft({ updatedAt: "2026-11-03T09:00:00.000Z" }), stored)).toBe(false);
    expect(journalWins(sampleDraft({ updatedAt: "2026-11-03T08:59:59.000Z" }), stored)).toBe(false);
    expect(journalWins(sampleDraft(), undefined)).toBe(true);
  });
});
