import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { GOOD_LESSON } from "./test-fixtures";

/** mulberry32: a tiny seeded PRNG so failures are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  "---",
  "\n",
  "\n",
  "\n",
  "```",
  "~~~",
  "````",
  "```ts exercise",
  "```ts check",
  "```md hint",
  "```yaml experiment",
  "```ts tfjs",
  "```ts solution",
  "```ts setup",
  " id=",
  " for=",
  " tier=",
  " hidden",
  ' title="',
  '"',
  "ex",
  "1",
  "0",
  "-",
  "format: 1",
  "id: a",
  "title: T",
  "order: 1",
  "summary: S",
  "datasets: [",
  "]",
  "city-profits@1",
  "@",
  "{",
  "}",
  ":",
  " ",
  "\t",
  "\r",
  "\r\n",
  "$$",
  "\\",
  "__proto__",
  "constructor",
  "&a",
  "*a",
  "!!binary",
  "task: linear-regression",
  "split:",
  "params: { alpha: ",
  "reference: ",
  "learner: ",
  "\uFEFF",
  "é",
  "`",
  "'",
  "#",
  "- ",
];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 80);
  let s = "";
  for (let i = 0; i < n; i++) s += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
  return s;
}

/** Every diagnostic has an integer line inside the file, a severity and a message. */
function expectWellFormed(text: string): void {
  const result = parseLesson(text);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const d of result.diagnostics) {
    expect(
      Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount,
      `line ${d.line} of ${lineCount}: ${d.message}`,
    ).toBe(true);
    expect(["error", "warning"]).toContain(d.severity);
    expect(d.message.length).toBeGreaterThan(0);
  }
  for (const cell of result.lesson?.cells ?? []) expect(cell.line >= 1 && cell.line <= lineCount).toBe(true);
}

describe("parseLesson", () => {
  it("never throws on 200 seeded random texts and keeps diagnostic lines inside the file", () => {
    const next = prng(20240601);
    for (let i = 0; i < 200; i++) expectWellFormed(randomText(next));
  });

  it("never throws on random cuts and splices of a good lesson", () => {
    const next = prng(7);
    const lines = GOOD_LESSON.split("\n");
    for (let i = 0; i < 200; i++) {
      const a = Math.floor(next() * lines.length);
      const b = Math.floor(next() * lines.length);
      const spliced = [...lines.slice(0, Math.min(a, b)), randomText(next), ...lines.slice(Math.max(a, b))];
      expectWellFormed(spliced.join("\n"));
    }
  });

  it("returns a result rather than throwing for non-string input from untyped callers", () => {
    expect(parseLesson(undefined as unknown as string).lesson).toBeNull();
    expect(parseLesson(42 as unknown as string).diagnostics[0].line).toBe(1);
  });

  it("reports a problem on line 1 for an empty file", () => {
    expect(parseLesson("")).toMatchObject({ lesson: null, diagnostics: [{ line: 1, severity: "error" }] });
  });
});
