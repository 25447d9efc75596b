import { describe, expect, it } from "vitest";
import { createCheckRecorder } from "./check-recorder";
import { mismatchSentence } from "./mismatch";
import { verdictSummaryLine } from "./verdict-summary";
import type { CheckVerdict } from "./types";

describe("mismatchSentence", () => {
  it("says a result is undefined, not by how much it differs", () => {
    expect(mismatchSentence(undefined, 3)).toMatch(/undefined: does your function `return`/);
  });
  it("says a result is NaN, and where in an array", () => {
    expect(mismatchSentence(NaN, 3)).toMatch(/^The result is NaN/);
    expect(mismatchSentence([1, NaN], [1, 2])).toMatch(/^value\[1\] is NaN/);
  });
  it("names both shapes when an array has the wrong shape", () => {
    expect(mismatchSentence([1, 2, 3], [1, 2])).toBe(
      "The result has the wrong shape: an array of 3, but an array of 2 is expected.",
    );
    expect(mismatchSentence([[1, 2]], [[1], [2]])).toContain("a 1 × 2 array, but a 2 × 1 array");
    expect(mismatchSentence(5, [5])).toContain("a single value, but an array of 1");
  });
  it("is silent for a number of the right kind", () => {
    expect(mismatchSentence(2, 3)).toBeUndefined();
    expect(mismatchSentence([1, 2], [1, 3])).toBeUndefined();
  });
});

describe("check verdicts", () => {
  it("never show a hidden check's difference or expected value", () => {
    const recorder = createCheckRecorder();
    recorder.helpersFor(true).check("secret", 47.9, 95.9, { tol: 0.01 });
    recorder.helpersFor(true).check("secret object", { a: 1 }, { a: 2 });
    for (const verdict of recorder.verdicts()) {
      expect(verdict.expected).toBe("");
      expect(verdict.message).not.toMatch(/95\.9|differs by|48|"a":2/);
    }
  });
  it("give a sentence, not a difference, for NaN in a visible check", () => {
    const recorder = createCheckRecorder();
    recorder.helpersFor(false).check("cost", NaN, 3);
    expect(recorder.verdicts()[0].message).toMatch(/^The result is NaN/);
  });
});

describe("verdictSummaryLine", () => {
  const v = (passed: boolean, hidden: boolean): CheckVerdict => ({ name: "c", passed, hidden, expected: "", got: "" });
  it("counts visible and hidden checks apart", () => {
    expect(verdictSummaryLine([v(true, false), v(true, false), v(true, false), v(false, true), v(false, true)])).toBe(
      "3 of 3 visible checks passed; 2 of 2 hidden checks failed",
    );
    expect(verdictSummaryLine([v(false, false), v(true, true)])).toBe(
      "0 of 1 visible check passed; the hidden check passed",
    );
  });
  it("keeps the short form when everything passed", () => {
    expect(verdictSummaryLine([v(true, false), v(true, true)])).toBe("All 2 checks passed");
  });
});
