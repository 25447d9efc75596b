import { describe, expect, it } from "vitest";
import { createEvaluator, type EvaluationRealm, type OutputLevel } from "./evaluate";
import { runChecks } from "./run-checks";
import type { LessonPayload } from "./types";

function collector() {
  const lines: { cellId: string; level: OutputLevel; text: string }[] = [];
  return { lines, sink: (cellId: string, level: OutputLevel, text: string) => lines.push({ cellId, level, text }) };
}

const noLesson: LessonPayload = { setup: [], datasets: [] };

describe("createEvaluator", () => {
  it("exports functions that later cells import as ./<cellId>", () => {
    const { sink } = collector();
    const evaluator = createEvaluator({ modules: {}, onOutput: sink });
    expect(
      evaluator.runModule({ id: "a", code: "export function double(x: number): number { return 2 * x; }" }).ok,
    ).toBe(true);
    const b = evaluator.runModule({ id: "b", code: 'import { double } from "./a";\nexport const four = double(2);' });
    expect(b.ok && b.exports.four).toBe(4);
  });

  it("attributes console output to the cell that defined the function", () => {
    const { lines, sink } = collector();
    const evaluator = createEvaluator({ modules: {}, onOutput: sink });
    evaluator.runModule({ id: "a", code: 'export function f() { console.log("in a", [1, 2]); return 1; }' });
    evaluator.runModule({ id: "b", code: 'import { f } from "./a";\nconsole.warn("b says", f());' });
    expect(lines).toEqual([
      { cellId: "a", level: "log", text: "in a [1, 2]" },
      { cellId: "b", level: "warn", text: "b says 1" },
    ]);
  });

  it("reports a syntax error with its line and column in the cell", () => {
    const evaluator = createEvaluator({ modules: {}, onOutput: () => undefined });
    const outcome = evaluator.runModule({ id: "a", code: "const ok = 1;\nconst bad = ;" });
    expect(outcome).toMatchObject({ ok: false, error: { cellId: "a", phase: "syntax", line: 2, column: 13 } });
  });

  it("reports a runtime error at the line of the learner's cell where it was thrown", () => {
    const evaluator = createEvaluator({ modules: {}, onOutput: () => undefined });
    evaluator.runModule({
      id: "mine",
      code: "export function f(): number {\n  const rows: any = null;\n  return rows.length;\n}",
    });
    const caller = evaluator.runModule({ id: "caller", code: 'import { f } from "./mine";\nf();' });
    expect(caller).toMatchObject({ ok: false, error: { cellId: "mine", phase: "runtime", line: 3 } });
    expect(!caller.ok && caller.error.message).toMatch(/^TypeError/);
  });

  it("refuses imports other than the lesson module and earlier cells", () => {
    const evaluator = createEvaluator({ modules: { lesson: {} }, onOutput: () => undefined });
    const outcome = evaluator.runModule({ id: "a", code: 'import fs from "node:fs";\nexport const x = fs;' });
    expect(!outcome.ok && outcome.error.message).toContain('Cannot import "node:fs"');
  });

  it("truncates runaway console output", () => {
    const { lines, sink } = collector();
    const evaluator = createEvaluator({ modules: {}, onOutput: sink, maxOutputLines: 10 });
    evaluator.runModule({ id: "a", code: "for (let i = 0; i < 1000; i++) console.log(i);" });
    expect(lines).toHaveLength(11);
    expect(lines[10].text).toContain("truncated");
  });
});

describe("runChecks", () => {
  const checks = [
    {
      id: "c1",
      hidden: false,
      code: 'check("double(2)", double(2), 4);\ncheckThat("is a function", typeof double === "function");',
    },
  ];

  it("passes every check for correct code", () => {
    const outcome = runChecks(
      noLesson,
      [{ id: "ex", code: "export const double = (x: number) => 2 * x;" }],
      checks,
      () => undefined,
    );
    expect(outcome.verdicts.map((v) => v.passed)).toEqual([true, true]);
    expect(outcome.errors).toEqual([]);
  });

  it("fails with expected and got for wrong code", () => {
    const outcome = runChecks(
      noLesson,
      [{ id: "ex", code: "export const double = (x: number) => x;" }],
      checks,
      () => undefined,
    );
    expect(outcome.verdicts[0]).toMatchObject({ passed: false, expected: "4", got: "2" });
  });

  it("turns a check cell that throws into a failed verdict naming the learner's line", () => {
    const code = "export function double(x: number): number {\n  throw new Error('not yet');\n}";
    const outcome = runChecks(noLesson, [{ id: "ex", code }], checks, () => undefined);
    expect(outcome.verdicts).toHaveLength(1);
    expect(outcome.verdicts[0]).toMatchObject({ passed: false });
    expect(outcome.verdicts[0].message).toContain("not yet (cell ex, line 2)");
  });

  it("re-evaluates cells on every run, so module state never carries over", () => {
    const cells = [{ id: "ex", code: "let calls = 0;\nexport function next(): number { calls += 1; return calls; }" }];
    const firstCall = [{ id: "c", hidden: false, code: "check('first call', next(), 1);" }];
    expect(runChecks(noLesson, cells, firstCall, () => undefined).verdicts[0].passed).toBe(true);
    expect(runChecks(noLesson, cells, firstCall, () => undefined).verdicts[0].passed).toBe(true);
  });

  it("hides the expected value of hidden checks", () => {
    const hidden = [{ id: "h", hidden: true, code: 'check("secret", double(3), 6);' }];
    const outcome = runChecks(
      noLesson,
      [{ id: "ex", code: "export const double = (x: number) => x;" }],
      hidden,
      () => undefined,
    );
    expect(outcome.verdicts[0]).toMatchObject({ passed: false, hidden: true, expected: "" });
  });

  it("blames the lesson, not the learner, when setup code fails", () => {
    const broken: LessonPayload = { setup: [{ id: "data", code: "throw new Error('bad setup');" }], datasets: [] };
    const outcome = runChecks(broken, [], checks, () => undefined);
    expect(outcome.verdicts[0].message).toContain("problem in the lesson file");
  });

  it("withholds what learner code prints while a hidden check runs, and says so once", () => {
    const lines: string[] = [];
    const cells = [
      { id: "ex", code: "export const double = (x: number) => { console.log('called with', x); return 2 * x; };" },
    ];
    const hidden = [{ id: "h", hidden: true, code: 'check("secret", double(1234), 2468);\ndouble(5678);' }];
    runChecks(noLesson, cells, [...checks, ...hidden], (_cell, _level, text) => lines.push(text));
    expect(lines.join("\n")).toContain("called with 2");
    expect(lines.join("\n")).not.toMatch(/1234|5678/);
    expect(lines.filter((line) => line.includes("hidden checks"))).toHaveLength(1);
  });

  it("reduces a hidden check's own error to its name, but keeps an error thrown by learner code", () => {
    const cells = [{ id: "ex", code: "export const fail = () => { throw new Error('mine'); };" }];
    const hidden = [
      { id: "h1", hidden: true, code: 'check("a", secretHelperName_Q, 1);' },
      { id: "h2", hidden: true, code: 'check("b", fail(), 1);' },
    ];
    const outcome = runChecks(noLesson, cells, hidden, () => undefined);
    const text = JSON.stringify(outcome);
    expect(text).not.toContain("secretHelperName_Q");
    expect(outcome.verdicts[0].message).toContain("the hidden check stopped with ReferenceError");
    expect(outcome.verdicts[1].message).toContain("Error: mine");
  });

  it("hands checks a plain copy of what learner functions return", () => {
    const cells = [
      {
        id: "ex",
        code: "export const history = () => { const h: any = [1, 2]; h.every = () => true; return h; };",
      },
    ];
    const probe = [{ id: "c", hidden: false, code: 'checkThat("no own every", !Object.hasOwn(history(), "every"));' }];
    expect(runChecks(noLesson, cells, probe, () => undefined).verdicts[0].passed).toBe(true);
  });

  it("shows checks the setup's data as it was before learner code ran", () => {
    const setup: LessonPayload = { setup: [{ id: "data", code: "export const y = [1, 2, 3];" }], datasets: [] };
    const cells = [{ id: "ex", code: 'import { y } from "./data";\ny.length = 0;' }];
    const probe = [{ id: "c", hidden: false, code: 'check("y", y.length, 3);' }];
    expect(runChecks(setup, cells, probe, () => undefined).verdicts[0].passed).toBe(true);
  });

  it("gives cells the realm's globals: a structuredClone of plain data, not the host's", () => {
    const seen: Record<string, unknown>[] = [];
    // A realm that, like a compartment, makes `globals` the cell's only free names besides its parameters.
    const realm: EvaluationRealm = {
      compile: (_cellId, params, body, globals = {}) => {
        seen.push(globals);
        const names = Object.keys(globals).filter((name) => !params.includes(name));
        const fn = new Function(...names, ...params, body) as (...args: unknown[]) => unknown;
        return (...args) => fn(...names.map((name) => globals[name]), ...args);
      },
      harden: (value) => value,
    };
    const cells = [{ id: "ex", code: "export const copy = structuredClone([[1, 2], new Float64Array([3])]);" }];
    const probe = [{ id: "c", hidden: false, code: 'check("copied", structuredClone(copy), [[1, 2], [3]]);' }];
    expect(runChecks(noLesson, cells, probe, () => undefined, undefined, undefined, realm).verdicts[0].passed).toBe(
      true,
    );
    expect(seen.every((globals) => globals.structuredClone !== globalThis.structuredClone)).toBe(true);
  });
});
