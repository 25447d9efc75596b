import { describe, expect, it } from "vitest";
import { runChecksWithDiagnoses } from "../evaluation/diagnose";
import { diagnosisSourcesOf } from "../evaluation/check-sources";
import { parseLesson } from "../lesson/parse-lesson";
import { verifyLesson, type VerificationTf } from "./verify-lesson";

const noTf: VerificationTf = {
  setBackend: async () => true,
  memory: () => ({ numTensors: 0, numBytes: 0 }),
  version_core: "0",
};
const noFiles = async () => new Uint8Array();

/** A lesson with one exercise, `mean(a)`, and the diagnoses passed in. */
function lessonWith(diagnoses: string): string {
  const fence = "```";
  return `---
format: 1
id: diag-fixture
title: Diagnoses
order: 1
summary: A fixture.
---

${fence}ts exercise id=mean
export function mean(a: number[]): number {
  return 0;
}
${fence}

${fence}ts solution for=mean
export function mean(a: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}
${fence}

${fence}ts check for=mean
check("mean of [1, 2, 3, 6]", mean([1, 2, 3, 6]), 3);
${fence}

${fence}ts check for=mean hidden
check("mean of [4]", mean([4]), 4);
${fence}
${diagnoses}`;
}

const skipsFirst = `
\`\`\`ts diagnosis for=mean id=skips-first
// message: Your loop starts at i = 1 and leaves out the first number.
export function mean(a: number[]): number {
  let s = 0;
  for (let i = 1; i < a.length; i++) s += a[i];
  return s / a.length;
}
\`\`\`
`;
const firesOnSolution = `
\`\`\`ts diagnosis for=mean id=same-as-solution
// message: This variant is really the right answer.
export function mean(a: number[]): number {
  return a.reduce((s, x) => s + x, 0) / a.length;
}
\`\`\`
`;
const wrongButPassesNothing = `
\`\`\`ts diagnosis for=mean id=sum-not-mean
// message: You return the sum; divide it by the count.
export function mean(a: number[]): number {
  return a.reduce((s, x) => s + x, 0);
}
\`\`\`
`;

describe("diagnosis cells", () => {
  it("parse with their message and variant, attached to their exercise", () => {
    const { lesson, diagnostics } = parseLesson(lessonWith(skipsFirst));
    expect(diagnostics).toEqual([]);
    expect(lesson!.exercises[0].diagnoses).toMatchObject([
      {
        kind: "diagnosis",
        for: "mean",
        id: "skips-first",
        message: "Your loop starts at i = 1 and leaves out the first number.",
      },
    ]);
  });
  it("are an error, with the body's first line, when the message comment is missing", () => {
    const text = lessonWith("\n```ts diagnosis for=mean id=x\nexport function mean() { return 1; }\n```\n");
    const { diagnostics } = parseLesson(text);
    const line = text.split("\n").indexOf("```ts diagnosis for=mean id=x") + 2;
    expect(diagnostics).toEqual([
      expect.objectContaining({ line, severity: "error", message: expect.stringContaining("// message:") }),
    ]);
  });
  it("need for= and id=", () => {
    const { diagnostics } = parseLesson(
      lessonWith("\n```ts diagnosis for=mean\n// message: m\nexport const a = 1;\n```\n"),
    );
    expect(diagnostics[0].message).toContain("diagnosis cell needs id=");
  });
});

describe("runChecksWithDiagnoses", () => {
  const { lesson } = parseLesson(lessonWith(skipsFirst + wrongButPassesNothing));
  const exercise = lesson!.exercises[0];
  const checks = exercise.checks.map((c, i) => ({ id: `mean-check-${i + 1}`, code: c.code, hidden: c.hidden }));
  const run = (code: string) =>
    runChecksWithDiagnoses({ setup: [], datasets: [] }, [{ id: "mean", code }], checks, diagnosisSourcesOf(exercise), {
      onOutput: () => undefined,
    });
  it("names the mistake when the learner's results agree with a variant on every check", () => {
    const learner =
      "export const mean = (a: number[]) => { let t = 0; for (let k = 1; k < a.length; k++) t += a[k]; return t / a.length; };";
    expect(run(learner).diagnoses).toEqual([
      { id: "skips-first", message: "Your loop starts at i = 1 and leaves out the first number." },
    ]);
  });
  it("stays silent for an unknown mistake and for a right answer", () => {
    expect(run("export const mean = (a: number[]) => a[0];").diagnoses).toEqual([]);
    expect(run("export const mean = (a: number[]) => a.reduce((s, x) => s + x) / a.length;").diagnoses).toEqual([]);
  });
});

describe("verifyLesson on diagnoses", () => {
  it("accepts a diagnosis that fires on its variant and not on the solution", async () => {
    const report = await verifyLesson(lessonWith(skipsFirst), noFiles, noTf);
    expect(report.problems).toEqual([]);
    expect(report.passedSteps).toContain(
      "diagnosis skips-first of exercise mean: fires on its variant, not on the solution",
    );
  });
  it("rejects a diagnosis whose variant fires on the solution", async () => {
    const text = lessonWith(firesOnSolution);
    const report = await verifyLesson(text, noFiles, noTf);
    const line = text.split("\n").indexOf("```ts diagnosis for=mean id=same-as-solution") + 1;
    expect(report.problems).toEqual([
      expect.objectContaining({
        line,
        severity: "error",
        message: expect.stringContaining("diagnosis same-as-solution of exercise mean"),
      }),
    ]);
    expect(report.problems[0].message).toMatch(/passes every check|fires on the solution/);
  });
});
