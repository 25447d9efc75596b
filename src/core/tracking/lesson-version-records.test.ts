import { describe, expect, it } from "vitest";
import { buildDraftRecord, buildProgressRecord } from "./record-builders";
import { validateDraft, validateProgress } from "./schemas";

const now = "2026-01-01T00:00:00.000Z";

describe("records carry the lesson version (optional, schema-compatible)", () => {
  it("a draft with and without the lesson version and starter validates", () => {
    const plain = buildDraftRecord({ lessonId: "l", exerciseId: "e", code: "x", hintsRevealed: 0, now });
    expect(plain).not.toHaveProperty("lessonVersion");
    expect(validateDraft(plain).ok).toBe(true);
    const stamped = buildDraftRecord({
      lessonId: "l",
      exerciseId: "e",
      code: "x",
      hintsRevealed: 0,
      now,
      lessonVersion: 2,
      starter: "s",
    });
    expect(stamped).toMatchObject({ lessonVersion: 2, starter: "s" });
    expect(validateDraft(stamped).ok).toBe(true);
  });

  it("progress records the version its checks ran on", () => {
    const record = buildProgressRecord({
      lessonId: "l",
      exerciseId: "e",
      verdicts: [],
      solutionShown: false,
      now,
      lessonVersion: 3,
    });
    expect(record.lessonVersion).toBe(3);
    expect(validateProgress(record).ok).toBe(true);
    expect(validateProgress({ ...record, lessonVersion: 0 }).ok).toBe(false);
  });
});
