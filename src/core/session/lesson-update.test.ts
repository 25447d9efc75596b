import { describe, expect, it } from "vitest";
import { lineDiff, mergeStarterChange, starterUpdate } from "./lesson-update";

const OLD = ["export function f(x: number): number {", "  // Your code here", "  return 0;", "}"].join("\n");
const NEW = ["export function f(x: number[]): number {", "  // Your code here", "  return 0;", "}"].join("\n");
const MINE = ["export function f(x: number): number {", "  return 2 * x;", "}"].join("\n");

describe("starterUpdate", () => {
  it("offers an update when the draft was written for an older version whose starter changed", () => {
    const update = starterUpdate(
      { exerciseId: "f", lessonVersion: 1, starter: OLD, code: MINE },
      { version: 2, starter: NEW },
    );
    expect(update).toMatchObject({ exerciseId: "f", draftVersion: 1, lessonVersion: 2 });
  });

  it("offers none for a current draft, an unchanged starter, or a draft that is the new starter", () => {
    expect(
      starterUpdate({ exerciseId: "f", lessonVersion: 2, starter: OLD, code: MINE }, { version: 2, starter: NEW }),
    ).toBeNull();
    expect(
      starterUpdate({ exerciseId: "f", lessonVersion: 1, starter: NEW, code: MINE }, { version: 2, starter: NEW }),
    ).toBeNull();
    expect(
      starterUpdate({ exerciseId: "f", lessonVersion: 1, starter: OLD, code: NEW }, { version: 2, starter: NEW }),
    ).toBeNull();
    expect(starterUpdate({ exerciseId: "f", code: MINE }, { version: 2, starter: NEW })).toBeNull();
  });
});

describe("lineDiff", () => {
  it("marks the changed signature line as removed then added, the rest as kept", () => {
    expect(lineDiff(OLD, NEW).map((l) => l.kind)).toEqual(["removed", "added", "same", "same", "same"]);
  });
});

describe("mergeStarterChange", () => {
  it("applies the lesson's change and the learner's change when they touch different lines", () => {
    const base = ["a", "b", "c", "d"].join("\n");
    const mine = ["a", "b", "C", "d"].join("\n");
    const theirs = ["A", "b", "c", "d"].join("\n");
    expect(mergeStarterChange(base, mine, theirs)).toEqual({ code: "A\nb\nC\nd", conflicts: 0 });
  });

  it("marks a conflict when both changed the same lines", () => {
    const merged = mergeStarterChange(OLD, MINE.replace("number)", "string)"), NEW);
    expect(merged.conflicts).toBe(1);
    expect(merged.code).toContain("<<<<<<< your code");
    expect(merged.code).toContain(">>>>>>> new starter");
  });

  it("keeps the learner's body and takes the new signature", () => {
    const merged = mergeStarterChange(OLD, MINE, NEW);
    expect(merged).toEqual({
      code: ["export function f(x: number[]): number {", "  return 2 * x;", "}"].join("\n"),
      conflicts: 0,
    });
  });
});
