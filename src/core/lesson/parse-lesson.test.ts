import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { GOOD_LESSON, lineOf } from "./test-fixtures";
import type { Cell } from "./types";

describe("parseLesson", () => {
  const result = parseLesson(GOOD_LESSON);
  const lesson = result.lesson!;

  it("parses a complete lesson using every cell kind with no diagnostics", () => {
    expect(result.diagnostics).toEqual([]);
    expect(lesson).not.toBeNull();
  });

  it("reads every front matter field", () => {
    expect(lesson.meta).toEqual({
      id: "linear-regression-one-variable",
      title: "Linear regression with one variable",
      formatVersion: 1,
      order: 1,
      summary: "Fit a line to city populations and profits by gradient descent.",
      datasets: [{ id: "city-profits", version: 1 }],
      estimates: { cpuSeconds: 2, wasmSeconds: 2, memoryMiB: 20 },
      timeLimitMs: 8000,
      version: 1,
    });
  });

  it("keeps every cell in file order with the line of its opening fence", () => {
    const summary = lesson.cells.map((c) => [c.kind, c.line]);
    expect(summary).toEqual([
      ["prose", lineOf(GOOD_LESSON, "# Linear regression")],
      ["setup", lineOf(GOOD_LESSON, "```ts setup")],
      ["prose", lineOf(GOOD_LESSON, "## Cost")],
      ["exercise", lineOf(GOOD_LESSON, "```ts exercise id=computeCost")],
      ["solution", lineOf(GOOD_LESSON, "```ts solution for=computeCost")],
      ["check", lineOf(GOOD_LESSON, "```ts check for=computeCost")],
      ["check", lineOf(GOOD_LESSON, "```ts check for=computeCost hidden")],
      ["hint", lineOf(GOOD_LESSON, "~~~~md hint")],
      ["hint", lineOf(GOOD_LESSON, "```md hint")],
      ["prose", lineOf(GOOD_LESSON, "## Gradient descent")],
      ["exercise", lineOf(GOOD_LESSON, "```ts exercise id=gradientDescent")],
      ["solution", lineOf(GOOD_LESSON, "```ts solution for=gradientDescent")],
      ["check", lineOf(GOOD_LESSON, "```ts check for=gradientDescent")],
      ["tfjs", lineOf(GOOD_LESSON, "```ts tfjs")],
      ["experiment", lineOf(GOOD_LESSON, "```yaml experiment")],
      ["prose", lineOf(GOOD_LESSON, "That is all.")],
    ]);
  });

  it("keeps ordinary fenced code and math inside prose", () => {
    const prose = lesson.cells[0] as Extract<Cell, { kind: "prose" }>;
    expect(prose.markdown.startsWith("# Linear regression")).toBe(true);
    expect(prose.markdown).toContain("$$J(\\theta)");
    expect(prose.markdown.endsWith("```ts\nconst example = 1;\n```")).toBe(true);
  });

  it("gives cell bodies without fences and without a trailing newline", () => {
    const setup = lesson.setup[0];
    expect(setup.id).toBe("data");
    expect(setup.code.split("\n")[0]).toBe('import { dataset, la } from "lesson";');
    expect(setup.code.endsWith("export const y = d.y;")).toBe(true);
  });

  it("groups each exercise with its solution, checks in file order and hints sorted by tier", () => {
    const [cost, gd] = lesson.exercises;
    expect(cost.id).toBe("computeCost");
    expect(cost.title).toBe("Compute the cost J(θ)");
    expect(cost.line).toBe(lineOf(GOOD_LESSON, "```ts exercise id=computeCost"));
    expect(cost.starter).toContain("return 0;");
    expect(cost.solution).toContain("la.dot(r, r)");
    expect(cost.checks.map((c) => c.hidden)).toEqual([false, true]);
    expect(cost.hints.map((h) => h.tier)).toEqual([1, 2]);
    expect(cost.hints[1].markdown).toContain("```ts\nconst r");
    expect(gd.id).toBe("gradientDescent");
    expect(gd.title).toBeUndefined();
    expect(gd.checks).toHaveLength(1);
    expect(gd.hints).toEqual([]);
  });

  it("lists references and experiments with the experiment spec filled in", () => {
    expect(lesson.references.map((r) => r.id)).toEqual(["gdReference"]);
    expect(lesson.experiments).toHaveLength(1);
    expect(lesson.experiments[0].spec).toEqual({
      title: "Your gradient descent vs TensorFlow.js",
      task: "linear-regression",
      dataset: { id: "city-profits", version: 1 },
      split: { test: 0.2, seed: 42 },
      seed: 7,
      init: "zeros",
      params: { alpha: 0.01, iterations: 1500 },
      learner: "gradientDescent",
      reference: "gdReference",
    });
  });

  it("parses Windows line endings the same way", () => {
    expect(parseLesson(GOOD_LESSON.replaceAll("\n", "\r\n"))).toEqual(result);
  });

  it("ignores a leading byte-order mark", () => {
    expect(parseLesson(`\uFEFF${GOOD_LESSON}`)).toEqual(result);
  });

  it("parses the template lesson of lessons/README.md with no diagnostics", () => {
    const guide = readFileSync(new URL("../../../lessons/README.md", import.meta.url), "utf8");
    const template = /`````md\n([\s\S]*?)\n`````/.exec(guide)?.[1];
    expect(template).toBeDefined();
    const parsed = parseLesson(template!);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.lesson?.exercises[0]).toMatchObject({
      id: "predict",
      checks: [{ hidden: false }],
      hints: [{ tier: 1 }, { tier: 2 }],
    });
  });
});
