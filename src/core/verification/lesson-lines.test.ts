import { describe, expect, it } from "vitest";
import {
  bodyLineInFile,
  checkCallLine,
  datasetDeclarationLine,
  solutionLine,
  unknownDatasetDiagnostics,
} from "./lesson-lines";
import { parseLesson } from "../lesson/parse-lesson";
import { GOOD_LESSON, lineOf } from "../lesson/test-fixtures";

const lesson = parseLesson(GOOD_LESSON).lesson!;

describe("bodyLineInFile", () => {
  it("counts body lines from the line after the fence, and falls back to the fence", () => {
    expect(bodyLineInFile(40, 1)).toBe(41);
    expect(bodyLineInFile(40, undefined)).toBe(40);
  });
});

describe("checkCallLine", () => {
  it("finds the line of the check call that names a verdict, and whether that check is hidden", () => {
    expect(checkCallLine(lesson, "computeCost", "cost at theta = [0, 0]")).toEqual({
      line: lineOf(GOOD_LESSON, 'check("cost at theta = [0, 0]"'),
      hidden: false,
    });
    expect(checkCallLine(lesson, "computeCost", "cost at theta = [-1, 2]")).toEqual({
      line: lineOf(GOOD_LESSON, 'check("cost at theta = [-1, 2]"'),
      hidden: true,
    });
  });

  it("is undefined for a name no check writes literally", () => {
    expect(checkCallLine(lesson, "computeCost", "computed name 3")).toBeUndefined();
    expect(checkCallLine(lesson, "noSuchExercise", "cost at theta = [0, 0]")).toBeUndefined();
  });
});

describe("solutionLine", () => {
  it("is the fence line of the exercise's solution", () => {
    expect(solutionLine(lesson, "computeCost")).toBe(lineOf(GOOD_LESSON, "```ts solution for=computeCost"));
  });
});

describe("datasetDeclarationLine", () => {
  it("finds a dataset in a flow list, in a block list, or falls back to the datasets field", () => {
    const flow = "---\nformat: 1\ndatasets: [a@1, b@2]\n---\n";
    const block = "---\nformat: 1\ndatasets:\n  - a@1\n  - b@2\n---\nb@2 in the body\n";
    expect(datasetDeclarationLine(flow, { id: "b", version: 2 })).toBe(3);
    expect(datasetDeclarationLine(block, { id: "b", version: 2 })).toBe(5);
    expect(datasetDeclarationLine(block, { id: "b", version: 22 })).toBe(3);
    expect(datasetDeclarationLine("---\nformat: 1\n---\n", { id: "b", version: 2 })).toBe(1);
  });
});

describe("unknownDatasetDiagnostics", () => {
  it("is empty for registered datasets", () => {
    expect(unknownDatasetDiagnostics(GOOD_LESSON, lesson)).toEqual([]);
  });

  it("reports a dataset the registry does not ship, at its line, naming the known ones", () => {
    const text = GOOD_LESSON.replace("datasets: [city-profits@1]", "datasets: [city-profits@1, my-data@3]");
    const parsed = parseLesson(text);
    const [problem, ...more] = unknownDatasetDiagnostics(text, parsed.lesson!);
    expect(more).toEqual([]);
    expect(problem.line).toBe(lineOf(text, "datasets:"));
    expect(problem.severity).toBe("error");
    expect(problem.message).toMatch(/^dataset my-data@3 is not in this app's dataset registry .*city-profits@1/);
  });
});
