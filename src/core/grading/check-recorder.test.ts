import { describe, expect, it } from "vitest";
import { createCheckRecorder } from "./check-recorder";

describe("createCheckRecorder", () => {
  it("shows a visible check's expected value, tolerance and difference", () => {
    const recorder = createCheckRecorder();
    recorder.helpersFor(false).check("cost", 1.5, 1.25, { tol: 0.01 });
    expect(recorder.verdicts()[0]).toMatchObject({ passed: false, expected: "1.25", got: "1.5", tolerance: 0.01 });
    expect(recorder.verdicts()[0].message).toMatch(/differs by 0\.25/);
  });

  it("never reveals a hidden check's expected value: only that it failed, and the author's hint", () => {
    const recorder = createCheckRecorder();
    const helpers = recorder.helpersFor(true);
    helpers.check("hidden number", 1.5, 0.70710678, { tol: 1e-6, hint: "Think about the unit circle" });
    helpers.check("hidden array", [1], [0.70710678]);
    helpers.check("hidden object", { a: 1 }, { a: 0.70710678 });
    const text = JSON.stringify(recorder.verdicts());
    expect(text).not.toContain("0.7071");
    expect(text).not.toContain("differs");
    const messages = recorder.verdicts().map((v) => v.message ?? "");
    expect(messages[0]).toMatch(/Think about the unit circle$/);
    expect(messages.every((m) => /not the expected one/.test(m))).toBe(true);
    expect(recorder.verdicts().every((v) => v.tolerance === undefined && v.expected === "")).toBe(true);
  });

  it("fails a value with a getter without calling it", () => {
    const recorder = createCheckRecorder();
    const sneaky = {
      get value() {
        throw new Error("called");
      },
    };
    expect(recorder.helpersFor(false).check("object", sneaky, { value: 1 })).toBe(false);
    expect(recorder.verdicts()[0].message).toMatch(/getter/);
  });
});
