import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { diag, lastLineOf, lessonText, lineOf, MINIMAL_EXERCISE, withBody } from "./test-fixtures";

function frontMatter(fields: string): string {
  return lessonText(`---\n${fields}\n---\n${MINIMAL_EXERCISE}`);
}

const FIELDS = "format: 1\nid: l\ntitle: T\norder: 1\nsummary: S.";

describe("parseLesson", () => {
  describe("front matter", () => {
    it("reports a missing front matter on line 1 and returns no lesson", () => {
      const r = parseLesson(lessonText(`# Title\n${MINIMAL_EXERCISE}`));
      expect(r.lesson).toBeNull();
      expect(diag(r, /missing front matter/)).toMatchObject({ line: 1, severity: "error" });
    });

    it("says so when blank lines come before the front matter", () => {
      const r = parseLesson(`\n${frontMatter(FIELDS)}`);
      expect(diag(r, /missing front matter.*found it on line 2/).line).toBe(1);
    });

    it("reports an unterminated front matter on line 1", () => {
      const r = parseLesson("---\nformat: 1\nid: x\n");
      expect(r.lesson).toBeNull();
      expect(diag(r, /unterminated front matter/).line).toBe(1);
    });

    it("maps a YAML error to its line in the file", () => {
      const r = parseLesson(frontMatter("format: 1\nid: l\ntitle: [oops\norder: 1\nsummary: S."));
      expect(r.lesson).toBeNull();
      expect(r.diagnostics[0]).toMatchObject({ severity: "error" });
      expect(r.diagnostics[0].message).toMatch(/invalid YAML in front matter/);
      expect([4, 5]).toContain(r.diagnostics[0].line);
    });

    it("names a missing required field", () => {
      const r = parseLesson(frontMatter("format: 1\nid: l\norder: 1\nsummary: S."));
      expect(r.lesson).toBeNull();
      expect(diag(r, /missing required field 'title'/).line).toBe(1);
    });

    it("names an invalid field at its line", () => {
      const r = parseLesson(frontMatter("format: 1\nid: l\ntitle: T\norder: first\nsummary: S."));
      expect(r.lesson).toBeNull();
      expect(diag(r, /'order' must be a number \(found string "first"\)/).line).toBe(5);
    });

    it("requires a kebab-case lesson id", () => {
      const r = parseLesson(frontMatter("format: 1\nid: Linear_Regression\ntitle: T\norder: 1\nsummary: S."));
      expect(diag(r, /'id' must be kebab-case/).line).toBe(3);
    });

    it("rejects an unsupported format version", () => {
      const r = parseLesson(frontMatter(FIELDS.replace("format: 1", "format: 2")));
      expect(r.lesson).toBeNull();
      expect(diag(r, /unsupported lesson format 2/).line).toBe(2);
    });

    it("requires the format field", () => {
      const r = parseLesson(frontMatter(FIELDS.replace("format: 1\n", "")));
      expect(diag(r, /missing required field 'format'/).line).toBe(1);
    });

    it("reports a bad dataset reference at its line and keeps the good ones", () => {
      const r = parseLesson(frontMatter(`${FIELDS}\ndatasets:\n  - city-profits@1\n  - city-profits\n  - x@0`));
      expect(diag(r, /datasets\[1\] "city-profits" is not a dataset reference/).line).toBe(9);
      expect(diag(r, /datasets\[2\] "x@0"/).line).toBe(10);
      expect(r.lesson?.meta.datasets).toEqual([{ id: "city-profits", version: 1 }]);
    });

    it("reports a bad optional field but keeps the lesson with the default", () => {
      const r = parseLesson(frontMatter(`${FIELDS}\ntimeLimitMs: soon`));
      expect(diag(r, /'timeLimitMs' must be a number/).line).toBe(7);
      expect(r.lesson?.meta.timeLimitMs).toBe(5000);
    });

    it("warns about an unknown field", () => {
      const r = parseLesson(frontMatter(`${FIELDS}\nauthr: me`));
      expect(diag(r, /unknown field 'authr'/)).toMatchObject({ line: 7, severity: "warning" });
      expect(r.lesson).not.toBeNull();
    });

    it("defaults datasets, estimates and the time limit", () => {
      const meta = parseLesson(frontMatter(FIELDS)).lesson?.meta;
      expect(meta).toMatchObject({ datasets: [], estimates: {}, timeLimitMs: 5000 });
    });
  });

  describe("cells", () => {
    it.each([
      ["ts setup", "setup"],
      ["ts exercise", "exercise"],
      ["ts tfjs", "tfjs"],
      ["yaml experiment", "experiment"],
    ])("reports a missing id on '%s' at the fence", (info, kind) => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''${info}\nx\n'''\n`);
      const r = parseLesson(text);
      expect(diag(r, new RegExp(`${kind} cell needs id=`))).toMatchObject({
        line: lastLineOf(text, "```" + info),
        severity: "error",
      });
    });

    it.each(["solution", "check"])("reports a missing for= on '%s' at the fence", (kind) => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts ${kind}\nx\n'''\n`);
      const r = parseLesson(text);
      expect(diag(r, new RegExp(`${kind} cell needs for=`)).line).toBe(lastLineOf(text, `\`\`\`ts ${kind}`));
    });

    it("reports a missing for= on a hint", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''md hint tier=1\nx\n'''\n`);
      expect(diag(parseLesson(text), /hint cell needs for=/).line).toBe(lineOf(text, "```md hint"));
    });

    it("reports a for= that names no exercise", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts check for=exx\nx\n'''\n`);
      const r = parseLesson(text);
      expect(diag(r, /check for='exx' names no exercise in this file \(exercises: ex\)/).line).toBe(
        lineOf(text, "```ts check for=exx"),
      );
      expect(r.lesson?.exercises[0].checks).toHaveLength(1);
    });

    it("reports a for= that names a cell that is not an exercise", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts setup id=s\n'''\n'''ts check for=s\n'''\n`);
      expect(diag(parseLesson(text), /names the setup cell on line \d+, not an exercise/).line).toBe(
        lineOf(text, "```ts check for=s"),
      );
    });

    it("reports a duplicate id at the second cell and keeps the first", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts tfjs id=ex\n'''\n`);
      const r = parseLesson(text);
      const d = diag(r, /duplicate id 'ex': the exercise cell on line \d+ already uses it/);
      expect(d.line).toBe(lineOf(text, "```ts tfjs id=ex"));
      expect(r.lesson?.references).toEqual([]);
      expect(r.lesson?.exercises.map((e) => e.id)).toEqual(["ex"]);
    });

    it("reports a second solution for one exercise", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts solution for=ex\nexport const x = 2;\n'''\n`);
      const r = parseLesson(text);
      const second = lastLineOf(text, "```ts solution for=ex");
      expect(diag(r, /duplicate solution for 'ex' \(the first is on line \d+\)/).line).toBe(second);
      expect(r.lesson?.exercises[0].solution).toBe("export const x = 1;");
    });

    it("reports a duplicate hint tier", () => {
      const text = withBody(
        `${MINIMAL_EXERCISE}\n'''md hint for=ex tier=1\nA\n'''\n'''md hint for=ex tier=1\nB\n'''\n`,
      );
      const second = lastLineOf(text, "```md hint for=ex tier=1");
      expect(diag(parseLesson(text), /duplicate hint tier 1 for 'ex'/).line).toBe(second);
    });

    it.each(["0", "x", "1.5", "-1", ""])("reports a bad hint tier '%s'", (tier) => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''md hint for=ex tier=${tier}\nA\n'''\n`);
      const r = parseLesson(text);
      expect(
        r.diagnostics.some(
          (d) => d.severity === "error" && /tier/.test(d.message) && d.line === lineOf(text, "```md hint"),
        ),
      ).toBe(true);
      expect(r.lesson?.exercises[0].hints).toEqual([]);
    });

    it("warns about an unknown attribute and keeps the cell", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts setup id=s colour=red\n'''\n`);
      const r = parseLesson(text);
      expect(diag(r, /unknown attribute 'colour'/)).toMatchObject({
        line: lineOf(text, "```ts setup"),
        severity: "warning",
      });
      expect(r.lesson?.setup).toHaveLength(1);
    });

    it("reports an unclosed fence at its opening line", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts setup id=s\nconst a = 1;\n`);
      const r = parseLesson(text);
      expect(diag(r, /unclosed ``` fence/)).toMatchObject({ line: lineOf(text, "```ts setup"), severity: "error" });
      expect(r.lesson?.setup).toEqual([]);
    });

    it("reports an unclosed ordinary code block too", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n~~~python\nprint(1)\n`);
      expect(diag(parseLesson(text), /unclosed ~~~ fence/).line).toBe(lineOf(text, "~~~python"));
    });

    it("reports an unknown cell kind with a suggestion instead of dropping it silently", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts exersize id=y\n'''\n`);
      const d = diag(parseLesson(text), /unknown cell kind 'exersize'/);
      expect(d).toMatchObject({ line: lineOf(text, "```ts exersize"), severity: "error" });
      expect(d.message).toMatch(/known: setup, exercise, solution, check, hint, tfjs, experiment/);
      expect(d.message).toMatch(/did you mean 'exercise'/);
    });

    it("reports a cell kind with no language before it", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''exercise id=y\n'''\n`);
      expect(diag(parseLesson(text), /must follow a language: write 'ts exercise id=y'/).line).toBe(
        lineOf(text, "```exercise"),
      );
    });

    it("reports attributes with no cell kind", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts id=y\n'''\n`);
      expect(diag(parseLesson(text), /missing cell kind before 'id='/).line).toBe(lineOf(text, "```ts id=y"));
    });

    it.each([
      ["python exercise id=y", /exercise cells must be written as 'ts exercise' \(found language 'python'\)/],
      ["ts hint for=ex tier=1", /hint cells must be written as 'md hint'/],
      ["ts experiment id=e", /experiment cells must be written as 'yaml experiment'/],
    ])("reports a language that does not fit the kind: '%s'", (info, pattern) => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''${info}\n'''\n`);
      expect(diag(parseLesson(text), pattern).line).toBe(lineOf(text, "```" + info));
    });

    it("warns about an exercise without any check", () => {
      const text = withBody(`'''ts exercise id=lonely\n'''\n'''ts solution for=lonely\n'''\n`);
      expect(diag(parseLesson(text), /exercise 'lonely' has no check/)).toMatchObject({ line: 9, severity: "warning" });
    });

    it("reads quoted attribute values with spaces and escapes", () => {
      const text = withBody(
        `'''ts exercise id=ex title="Say \\"hi\\" twice"\n'''\n'''ts solution for=ex\n'''\n'''ts check for=ex\n'''\n`,
      );
      const r = parseLesson(text);
      expect(r.diagnostics).toEqual([]);
      expect(r.lesson?.exercises[0].title).toBe('Say "hi" twice');
    });

    it("reports an unterminated quoted value", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts setup id=s x="oops\n'''\n`);
      expect(diag(parseLesson(text), /no closing '"'/).line).toBe(lineOf(text, "```ts setup"));
    });

    it("accepts hidden only as a bare flag (or true/false)", () => {
      const text = withBody(`${MINIMAL_EXERCISE}\n'''ts check for=ex hidden=maybe\n'''\n`);
      expect(diag(parseLesson(text), /'hidden' is a bare flag/).severity).toBe("error");
    });

    it("keeps fences whose info string is only a language, or empty, in the prose", () => {
      const text = withBody(
        `Intro\n\n'''ts\nexport const a = 1;\n'''\n\n'''python\nprint(1)\n'''\n\n'''\nplain\n'''\n\n~~~~\n'''ts exercise id=shown\n~~~~\n${MINIMAL_EXERCISE}`,
      );
      const r = parseLesson(text);
      expect(r.diagnostics).toEqual([]);
      const prose = r.lesson!.cells[0];
      expect(prose).toMatchObject({ kind: "prose", line: 9 });
      expect(prose.kind === "prose" && prose.markdown.split("\n")).toHaveLength(17);
    });

    it("skips whitespace-only prose between cells", () => {
      const text = withBody(`   \n\t\n${MINIMAL_EXERCISE}\n  \n`);
      expect(parseLesson(text).lesson?.cells.map((c) => c.kind)).toEqual(["exercise", "solution", "check"]);
    });
  });
});
