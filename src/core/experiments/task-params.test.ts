import { describe, expect, it } from "vitest";
import { parseLesson } from "../lesson/parse-lesson";
import { missingParamDiagnostics } from "./task-params";
import { GOOD_LESSON, lineOf } from "../lesson/test-fixtures";

describe("missingParamDiagnostics", () => {
  it("accepts an experiment that gives every param its task needs", () => {
    expect(missingParamDiagnostics(parseLesson(GOOD_LESSON).lesson!)).toEqual([]);
  });

  it("reports each missing param at the experiment's line", () => {
    const text = GOOD_LESSON.replace(/params: \{[^}]*\}/, "params: { alpha: 0.01 }");
    expect(text).not.toBe(GOOD_LESSON);
    const [problem, ...more] = missingParamDiagnostics(parseLesson(text).lesson!);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ line: lineOf(text, "```yaml experiment"), severity: "error" });
    expect(problem.message).toMatch(/task 'linear-regression' needs params alpha, iterations; missing: iterations/);
  });
});
