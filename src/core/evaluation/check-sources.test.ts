import { describe, expect, it } from "vitest";
import type { Exercise } from "../lesson/types";
import { checkNumberOf, checkSourcesOf } from "./check-sources";

const exercise: Exercise = {
  id: "computeCost",
  line: 10,
  starter: "",
  hints: [],
  checks: [
    { kind: "check", for: "computeCost", code: "check('a', 1, 1);", hidden: false, line: 20 },
    { kind: "check", for: "computeCost", code: "check('b', 2, 2);", hidden: true, line: 25 },
  ],
};

describe("checkSourcesOf", () => {
  it("names each check cell after its exercise and position, keeping hidden flags and lines", () => {
    expect(checkSourcesOf(exercise)).toEqual([
      { id: "computeCost-check-1", code: "check('a', 1, 1);", hidden: false, line: 20 },
      { id: "computeCost-check-2", code: "check('b', 2, 2);", hidden: true, line: 25 },
    ]);
  });

  it("reveals hidden checks for instructors", () => {
    expect(checkSourcesOf(exercise, { revealHidden: true }).every((c) => !c.hidden)).toBe(true);
  });
});

describe("checkNumberOf", () => {
  it("reads the check number back from a cell id, and null for other cells", () => {
    expect(checkNumberOf("computeCost-check-2")).toBe(2);
    expect(checkNumberOf("computeCost")).toBeNull();
  });
});
