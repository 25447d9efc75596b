import { describe, expect, it } from "vitest";
import { runChecks } from "../evaluation/run-checks";
import { exportedFunctionName, tryItSources } from "./try-it";

const exercise = {
  id: "double",
  solution: "export function double(x: number): number {\n  return 2 * x;\n}",
};

describe("exportedFunctionName", () => {
  it("finds function and const exports", () => {
    expect(exportedFunctionName("export async function fit(a) {}")).toBe("fit");
    expect(exportedFunctionName("export const f = (x) => x;")).toBe("f");
    expect(exportedFunctionName("const x = 1;")).toBeNull();
  });
});

describe("tryItSources", () => {
  const run = (code: string, args: string) => {
    const sources = tryItSources(exercise, args)!;
    return runChecks(
      { setup: [{ id: "data", code: "export const three = 3;" }], datasets: [] },
      [{ id: "double", code }, sources.reference],
      [{ ...sources.check, hidden: false }],
      () => undefined,
    );
  };

  it("passes when the learner's output equals the solution's, with setup exports in scope", () => {
    const outcome = run("export function double(x) { return x + x; }", "three");
    expect(outcome.verdicts).toMatchObject([{ passed: true }]);
  });

  it("fails with both outputs when they differ", () => {
    const outcome = run("export function double(x) { return x; }", "three");
    expect(outcome.verdicts[0]).toMatchObject({ passed: false, expected: "6", got: "3" });
  });

  it("is null without a solution", () => {
    expect(tryItSources({ id: "x" }, "1")).toBeNull();
  });
});
