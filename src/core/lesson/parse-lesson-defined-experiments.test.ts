import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { withBody } from "./test-fixtures";

const tfjs = `'''ts tfjs id=ref\nexport async function fit(tf) {}\n'''\n'''ts exercise id=fitEx\nexport function fit() {}\n'''\n'''ts solution for=fitEx\n'''\n'''ts check for=fitEx\n'''\n`;

function lessonWith(fields: Record<string, string>): string {
  const all: Record<string, string> = {
    title: "T",
    dataset: "city-profits@1",
    split: "{ test: 0.2, seed: 42 }",
    seed: "7",
    learner: "fit",
    reference: "ref",
    ...fields,
  };
  const yaml = Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return withBody(`${tfjs}\n'''yaml experiment id=e\n${yaml}\n'''\n`);
}

const errors = (text: string) =>
  parseLesson(text)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => d.message);

describe("lesson-defined experiments", () => {
  it("accept predict-and-score with a metric and a prepare export", () => {
    const r = parseLesson(lessonWith({ task: "predict-and-score", metric: "accuracy", prepare: "standardize" }));
    expect(r.diagnostics).toEqual([]);
    expect(r.lesson?.experiments[0].spec).toMatchObject({ metric: "accuracy", prepare: "standardize" });
  });

  it("need a metric", () => {
    expect(errors(lessonWith({ task: "predict-and-score" }))).toEqual([
      expect.stringMatching(/task predict-and-score needs a metric \(accuracy or mse\)/),
    ]);
  });

  it("need predict for train-by-steps", () => {
    expect(errors(lessonWith({ task: "train-by-steps", metric: "mse" }))).toEqual([
      expect.stringMatching(/train-by-steps needs predict/),
    ]);
    expect(errors(lessonWith({ task: "train-by-steps", metric: "mse", predict: "predict" }))).toEqual([]);
  });

  it("refuse a metric on a built-in task and an unknown metric", () => {
    expect(errors(lessonWith({ task: "linear-regression", metric: "mse" }))).toEqual([
      expect.stringMatching(/metric is only for lesson-defined tasks/),
    ]);
    expect(errors(lessonWith({ task: "predict-and-score", metric: "f1" }))).toHaveLength(1);
  });
});
