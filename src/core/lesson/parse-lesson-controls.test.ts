import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { diag, lineOf, withBody } from "./test-fixtures";

/** A lesson with one linear-regression experiment whose `controls` field is `controls` (YAML lines). */
function lessonWithControls(controls: string, params = "{ alpha: 0.01, iterations: 1500 }"): string {
  const cells = `'''ts tfjs id=ref\nexport async function fit(tf) {}\n'''\n'''ts exercise id=fitEx\nexport function fit() {}\n'''\n'''ts solution for=fitEx\n'''\n'''ts check for=fitEx\n'''\n`;
  const yaml = [
    "title: T",
    "task: linear-regression",
    "dataset: city-profits@1",
    "split: { test: 0.2, seed: 42 }",
    "seed: 7",
    `params: ${params}`,
    "learner: fit",
    "reference: ref",
    `controls:${controls}`,
  ].join("\n");
  return withBody(`${cells}\n'''yaml experiment id=e\n${yaml}\n'''\n`);
}

describe("parseLesson", () => {
  describe("experiment controls", () => {
    it("accepts a range per declared param, linear unless it says log", () => {
      const text = lessonWithControls(
        "\n  alpha: { min: 0.001, max: 0.03, step: 0.001, scale: log }\n  iterations: { min: 100, max: 3000, step: 100 }",
      );
      const r = parseLesson(text);
      expect(r.diagnostics).toEqual([]);
      expect(r.lesson?.experiments[0].spec.controls).toEqual({
        alpha: { min: 0.001, max: 0.03, step: 0.001, scale: "log" },
        iterations: { min: 100, max: 3000, step: 100, scale: "linear" },
      });
    });

    it("accepts an empty controls mapping", () => {
      const text = lessonWithControls(" {}");
      expect(parseLesson(text).lesson?.experiments[0].spec.controls).toEqual({});
    });

    it("reports a control that names no param at its line", () => {
      const text = lessonWithControls("\n  lambda: { min: 0, max: 10, step: 1 }");
      const r = parseLesson(text);
      expect(diag(r, /control 'lambda' names no param \(declared params: alpha, iterations\)/).line).toBe(
        lineOf(text, "  lambda:"),
      );
      expect(r.lesson?.experiments).toEqual([]);
    });

    it("reports min >= max, a step <= 0 and a log scale from 0 at their lines", () => {
      const text = lessonWithControls(
        "\n  alpha:\n    min: 0\n    max: 0.03\n    step: 0.001\n    scale: log\n  iterations:\n    min: 3000\n    max: 100\n    step: 100",
      );
      const r = parseLesson(text);
      expect(diag(r, /control 'alpha' with scale: log needs min > 0/).line).toBe(lineOf(text, "    min: 0"));
      expect(diag(r, /control 'iterations' needs min < max \(got 3000 \.\. 100\)/).line).toBe(
        lineOf(text, "    max: 100"),
      );
      const negative = lessonWithControls("\n  iterations:\n    min: 100\n    max: 3000\n    step: -1");
      expect(diag(parseLesson(negative), /'controls.iterations.step' must be > 0/).line).toBe(
        lineOf(negative, "    step: -1"),
      );
    });

    it("reports a param value outside its control's range", () => {
      const text = lessonWithControls("\n  alpha: { min: 0.05, max: 1, step: 0.05 }");
      expect(
        diag(parseLesson(text), /control 'alpha': the param's value 0.01 is outside its range 0.05 \.\. 1/).line,
      ).toBe(lineOf(text, "  alpha:"));
    });

    it("warns about an unknown field of a control", () => {
      const text = lessonWithControls("\n  alpha: { min: 0.001, max: 0.03, stpe: 0.001, step: 0.001 }");
      expect(diag(parseLesson(text), /unknown field 'controls.alpha.stpe' is ignored/).severity).toBe("warning");
    });
  });
});
