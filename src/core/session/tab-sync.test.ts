import { describe, expect, it } from "vitest";
import { sampleDraft } from "../tracking/fixtures";
import { initialExercises } from "./exercise-transitions";
import { isConflicting, keepMine, parseTabMessage, receiveDraft, takeTheirs } from "./tab-sync";

const fresh = () => initialExercises([{ id: "compute-cost", starter: "start" }])["compute-cost"];
const theirs = { ...sampleDraft(), exerciseId: "compute-cost", code: "theirs" };

describe("receiveDraft", () => {
  it("adopts another tab's draft when this tab has no unsaved change", () => {
    const next = receiveDraft(fresh(), theirs);
    expect(next).toMatchObject({ code: "theirs", baseCode: "theirs", revision: 1 });
    expect(next.conflict).toBeUndefined();
  });

  it("only agrees when both tabs already hold the same code", () => {
    const next = receiveDraft({ ...fresh(), code: "theirs" }, theirs);
    expect(next).toMatchObject({ code: "theirs", baseCode: "theirs", revision: 0 });
  });

  it("is a conflict, changing no code, when this tab changed the exercise too", () => {
    const mine = { ...fresh(), code: "mine" };
    const next = receiveDraft(mine, theirs);
    expect(next).toMatchObject({ code: "mine", baseCode: "start", conflict: { theirs } });
  });

  it("ignores a draft holding what this tab last agreed on, even while this tab has unsaved changes", () => {
    // Both tabs saved the same text (the emptied editor); this tab typed on. Nothing new arrived.
    const typing = { ...fresh(), code: "export const typedInTabA", baseCode: "" };
    expect(receiveDraft(typing, { ...theirs, code: "" })).toBe(typing);
    // The same rule as for a stored draft: it is not conflicting.
    expect(isConflicting({ ...theirs, code: "" }, "", "export const typedInTabA")).toBe(false);
  });
});

describe("keepMine and takeTheirs", () => {
  const conflicted = receiveDraft({ ...fresh(), code: "mine" }, theirs);

  it("keepMine lets this tab's code be saved over theirs", () => {
    const next = keepMine(conflicted);
    expect(next).toMatchObject({ code: "mine", baseCode: "theirs" });
    expect(next.conflict).toBeUndefined();
    expect(isConflicting(theirs, next.baseCode, next.code)).toBe(false);
  });

  it("takeTheirs puts their code in the editor and keeps mine restorable", () => {
    const next = takeTheirs(conflicted);
    expect(next).toMatchObject({ code: "theirs", baseCode: "theirs", previousCode: "mine", revision: 1 });
    expect(next.conflict).toBeUndefined();
  });
});

describe("isConflicting", () => {
  it("is true only when the stored code differs from both the agreed and the new code", () => {
    expect(isConflicting(theirs, "start", "mine")).toBe(true);
    expect(isConflicting(theirs, "theirs", "mine")).toBe(false);
    expect(isConflicting(theirs, "start", "theirs")).toBe(false);
  });
});

describe("parseTabMessage", () => {
  it("accepts a valid draft-saved message and refuses anything else", () => {
    expect(parseTabMessage({ kind: "draft-saved", from: "t1", draft: theirs })).toMatchObject({ from: "t1" });
    expect(parseTabMessage({ kind: "draft-saved", from: "t1", draft: { code: 1 } })).toBeNull();
    expect(parseTabMessage("draft-saved")).toBeNull();
    expect(parseTabMessage(null)).toBeNull();
  });
});
