import { describe, expect, it } from "vitest";
import { inspectLessonFile, isOpenable, MAX_LESSON_FILE_CHARS } from "./inspect-lesson-file";
import { yamlDepthBound } from "../lesson/lesson-file-limits";
import { GOOD_LESSON, lineOf } from "../lesson/test-fixtures";

describe("inspectLessonFile", () => {
  it("opens a clean lesson with no diagnostics", () => {
    const result = inspectLessonFile(GOOD_LESSON);
    expect(result.diagnostics).toEqual([]);
    expect(isOpenable(result)).toBe(true);
  });

  it("refuses a dataset the app does not ship, with its line", () => {
    const text = GOOD_LESSON.replace("datasets: [city-profits@1]", "datasets: [city-profits@1, secret@1]");
    const result = inspectLessonFile(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: lineOf(text, "datasets:"), severity: "error" }),
    ]);
    expect(isOpenable(result)).toBe(false);
  });

  it("warns, but opens, when the id is a built-in lesson's", () => {
    const result = inspectLessonFile(GOOD_LESSON, {
      builtinTitles: new Map([["linear-regression-one-variable", "Linear regression"]]),
    });
    expect(result.diagnostics).toEqual([
      {
        line: lineOf(GOOD_LESSON, "id:"),
        severity: "warning",
        message: expect.stringContaining('built-in lesson "Linear regression"'),
      },
    ]);
    expect(isOpenable(result)).toBe(true);
  });

  it("keeps the parser's errors with their lines and does not open the file", () => {
    const text = GOOD_LESSON.replace("```ts exercise id=gradientDescent", "```ts exersize id=gradientDescent");
    const result = inspectLessonFile(text);
    expect(result.diagnostics[0]).toMatchObject({ line: lineOf(text, "```ts exersize"), severity: "error" });
    expect(isOpenable(result)).toBe(false);
  });

  it("refuses a file far too large to be a lesson without parsing it", () => {
    const result = inspectLessonFile("x".repeat(MAX_LESSON_FILE_CHARS + 1));
    expect(result.lesson).toBeNull();
    expect(result.diagnostics[0].message).toMatch(/more than a lesson file may have/);
  });

  it("refuses YAML nested deeper than a lesson may, without parsing it, in the front matter or an experiment", () => {
    const flow = GOOD_LESSON.replace(/^summary: .*$/m, `summary: ${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const started = performance.now();
    const result = inspectLessonFile(flow);
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.lesson).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({
      line: 2,
      severity: "error",
      message: expect.stringMatching(/^front matter nests about 100\d+ levels deep, more than a lesson may \(32\)/),
    });
    const block = GOOD_LESSON.replace(
      /^summary: .*$/m,
      `summary:\n${Array.from({ length: 200 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")}`,
    );
    expect(inspectLessonFile(block).diagnostics[0].message).toMatch(/nests about 20\d levels deep/);
  });
});

describe("yamlDepthBound", () => {
  it("counts block and flow nesting, not brackets in quotes or comments", () => {
    expect(yamlDepthBound("a: 1\nb:\n  c: [1, {d: 2}]\n")).toBe(4);
    expect(yamlDepthBound("- - - x\n")).toBe(4);
    expect(yamlDepthBound("a: '[[[['\nb: \"{{{\" # [[[[\nc: it's [x]\n")).toBe(2);
  });
});
