import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { diag, lineOf, withBody } from "./test-fixtures";

describe("parseLesson", () => {
  describe("experiments", () => {
    const tfjs = `'''ts tfjs id=ref\nexport async function fit(tf) {}\n'''\n'''ts exercise id=fitEx\nexport function fit() {}\n'''\n'''ts solution for=fitEx\n'''\n'''ts check for=fitEx\n'''\n`;
    const spec = (over: Record<string, string> = {}): string => {
      const fields: Record<string, string> = {
        title: "T",
        task: "linear-regression",
        dataset: "city-profits@1",
        split: "{ test: 0.2, seed: 42 }",
        seed: "7",
        params: "{ alpha: 0.01 }",
        learner: "fit",
        reference: "ref",
        ...over,
      };
      const yaml = Object.entries(fields)
        .filter(([, v]) => v !== "")
        .map(([k, v]) => `${k}: ${v}`)
        .join("\n");
      return withBody(`${tfjs}\n'''yaml experiment id=e\n${yaml}\n'''\n`);
    };

    it("accepts a valid experiment with defaults for init", () => {
      const r = parseLesson(spec());
      expect(r.diagnostics).toEqual([]);
      expect(r.lesson?.experiments[0].spec.init).toBe("zeros");
    });

    it("reports a dataset not declared in the front matter", () => {
      const text = spec({ dataset: "city-profits@2" });
      const r = parseLesson(text);
      expect(
        diag(r, /dataset city-profits@2 is not declared in the front matter 'datasets' \(declared: city-profits@1\)/)
          .line,
      ).toBe(lineOf(text, "```yaml experiment"));
      expect(r.lesson?.experiments).toEqual([]);
    });

    it("reports a bad dataset reference syntax at its line", () => {
      const text = spec({ dataset: "city-profits" });
      expect(diag(parseLesson(text), /'dataset' must be a dataset reference/).line).toBe(lineOf(text, "dataset:"));
    });

    it("reports a reference that is not the id of a tfjs cell", () => {
      const text = spec({ reference: "fitEx" });
      expect(
        diag(parseLesson(text), /reference 'fitEx' is a exercise cell.*must be the id of a 'ts tfjs' cell/).line,
      ).toBe(lineOf(text, "```yaml experiment"));
      expect(
        diag(parseLesson(spec({ reference: "nope" })), /reference 'nope' is not the id of any cell/).severity,
      ).toBe("error");
    });

    it("maps a YAML error in the body to its file line", () => {
      const text = spec({ params: "{ alpha: 0.01" });
      const d = diag(parseLesson(text), /invalid YAML in experiment 'e'/);
      expect(d.line).toBeGreaterThanOrEqual(lineOf(text, "params:"));
      expect(d.line).toBeLessThanOrEqual(lineOf(text, "reference:"));
    });

    it("names invalid fields at their lines", () => {
      const text = spec({ split: "\n  test: 1.5\n  seed: 42", task: "clustering", params: "{ alpha: fast }" });
      const r = parseLesson(text);
      expect(diag(r, /'split.test' must be < 1 \(found number 1.5\)/).line).toBe(lineOf(text, "  test:"));
      expect(diag(r, /'task' must be one of linear-regression/).line).toBe(lineOf(text, "task:"));
      expect(diag(r, /'params.alpha' must be a number/).line).toBe(lineOf(text, "params:"));
    });

    it("reports a missing field at the fence", () => {
      const text = spec({ learner: "" });
      expect(diag(parseLesson(text), /missing required field 'learner'/).line).toBe(lineOf(text, "```yaml experiment"));
    });

    it("warns when no exercise exports the learner function", () => {
      const text = spec({ learner: "train" });
      const r = parseLesson(text);
      expect(diag(r, /no exercise cell seems to export a function named 'train'/).severity).toBe("warning");
      expect(diag(r, /tfjs cell 'ref' does not seem to export a function named 'train'/).severity).toBe("warning");
    });
  });
});
