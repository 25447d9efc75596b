import { describe, expect, it } from "vitest";
import { runChecksWithDiagnoses } from "../evaluation/diagnose";
import { parseLesson } from "../lesson/parse-lesson";
import type { Lesson } from "../lesson/types";
import { planVerification, type VerificationStep } from "./verification-plan";
import {
  canRun,
  initialReport,
  judgeStep,
  reportHeadline,
  withSkipped,
  withStep,
  type StepOutcome,
  type VerificationReport,
} from "./verification-report";

const fence = "```";
/** A lesson with one exercise, `mean(a)`, whose solution is `solution`, and one diagnosis. */
function lessonText(solution = "let s = 0;\n  for (const x of a) s += x;\n  return s / a.length;"): string {
  return `---
format: 1
id: plan-fixture
title: Plan
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
  ${solution}
}
${fence}

${fence}ts check for=mean
check("mean of [1, 2, 3, 6]", mean([1, 2, 3, 6]), 3);
${fence}

${fence}ts check for=mean hidden
check("mean of [5]", mean([5]), 5);
${fence}

${fence}ts diagnosis for=mean id=sum-only
// message: You return the sum: divide it by the number of values.
export function mean(a: number[]): number {
  return a.reduce((s, x) => s + x, 0);
}
${fence}
`;
}

function parsed(text: string): Lesson {
  const { lesson, diagnostics } = parseLesson(text);
  expect(diagnostics).toEqual([]);
  return lesson!;
}

/** Runs a checks step in-process, as the kernel worker would. */
function runInProcess(step: VerificationStep): StepOutcome {
  if (step.run.kind !== "checks") throw new Error("checks steps only");
  const outcome = runChecksWithDiagnoses(
    { setup: [], datasets: [] },
    step.run.cells,
    step.run.checks,
    step.run.diagnoses,
    {
      onOutput: () => undefined,
    },
  );
  return { kind: "checks", ...outcome };
}

/** Runs the whole plan the way the page does: skipping steps whose solution failed. */
function verify(lesson: Lesson): VerificationReport {
  const plan = planVerification(lesson, { experimentLimitMs: 120_000 });
  let report = initialReport(plan);
  for (const step of plan) {
    if (!canRun(report, step)) {
      report = withSkipped(report, step);
      continue;
    }
    const { state, summary, problems } = judgeStep(lesson, step, runInProcess(step));
    report = withStep(report, step.id, { state, summary, problems });
  }
  return { ...report, elapsedMs: 1234 };
}

describe("planVerification", () => {
  it("runs each solution, starter and diagnosis, with the lesson's time limit", () => {
    const plan = planVerification(parsed(lessonText()), { experimentLimitMs: 120_000 });
    expect(plan.map((s) => s.label)).toEqual([
      "Solution of exercise mean",
      "Starter of exercise mean",
      "Diagnosis sum-only of exercise mean",
      "Diagnoses of exercise mean on the solution",
    ]);
    expect(plan[0].limitMs).toBe(5000);
    // Hidden checks run revealed, so the instructor sees their expected values.
    expect(plan[0].run.kind === "checks" && plan[0].run.checks.every((c) => !c.hidden)).toBe(true);
  });
});

describe("a lesson's verification report", () => {
  it("says solutions pass, starters fail and diagnoses fire when the lesson is right", () => {
    const report = verify(parsed(lessonText()));
    expect(report.items.map((i) => [i.label, i.state, i.summary])).toEqual([
      ["Solution of exercise mean", "passed", "passes all 2 checks (1 hidden check cell included)"],
      ["Starter of exercise mean", "passed", "fails 2 of 2 checks, as it should"],
      ["Diagnosis sum-only of exercise mean", "passed", "fires on its mistaken variant"],
      ["Diagnoses of exercise mean on the solution", "passed", "none of 1 fires on the solution"],
    ]);
    expect(reportHeadline(report).headline).toBe(
      "Verified in 1.2 s: 1 solution passes its checks, 1 starter fails them, 1 diagnosis fires on its mistake",
    );
  });

  it("names the exercise, the check, expected and got, at the check's line, when the solution is wrong", () => {
    const text = lessonText("return a[0];");
    const report = verify(parsed(text));
    const solution = report.items[0];
    expect(solution.state).toBe("failed");
    const checkLine = text.split("\n").findIndex((l) => l.includes('check("mean of [1, 2, 3, 6]"')) + 1;
    expect(solution.problems).toEqual([
      {
        line: checkLine,
        severity: "error",
        message:
          'exercise mean: the solution fails check "mean of [1, 2, 3, 6]": expected 3, got 1; value differs by 2 (tolerance 1.000e-6)',
      },
    ]);
    expect(report.items.slice(2).map((i) => [i.state, i.summary])).toEqual([
      ["skipped", "not run: Solution of exercise mean failed"],
      ["skipped", "not run: Solution of exercise mean failed"],
    ]);
    expect(reportHeadline(report).headline).toBe("Verification failed: 1 of 4 runs found problems in 1.2 s");
  });

  it("reports a starter that already passes, and a diagnosis that fires on the solution", () => {
    const text = lessonText()
      .replace("  return 0;", "  return a.reduce((s, x) => s + x, 0) / a.length;")
      .replace("return a.reduce((s, x) => s + x, 0);\n}", "return a.reduce((s, x) => s + x, 0) / a.length;\n}");
    const report = verify(parsed(text));
    const byLabel = Object.fromEntries(report.items.map((i) => [i.label, i]));
    expect(byLabel["Starter of exercise mean"].problems[0].message).toBe(
      "exercise mean: the starter code already passes every check, so the exercise teaches nothing",
    );
    expect(byLabel["Diagnosis sum-only of exercise mean"].summary).toMatch(/passes every check/);
    expect(byLabel["Diagnoses of exercise mean on the solution"].problems[0]).toMatchObject({
      line: text.split("\n").indexOf("```ts diagnosis for=mean id=sum-only") + 1,
      message: expect.stringContaining("diagnosis sum-only of exercise mean: it fires on the solution"),
    });
  });

  it("reports a run past its time limit at the solution's line", () => {
    const lesson = parsed(lessonText());
    const [solution] = planVerification(lesson, { experimentLimitMs: 1 });
    const judged = judgeStep(lesson, solution, { kind: "timeout", limitMs: 5000 });
    expect(judged.problems).toEqual([
      {
        line: lesson.exercises[0].line + 6,
        severity: "error",
        message: "solution of exercise mean: did not finish within 5 s (time limit)",
      },
    ]);
  });

  it("counts runs while it goes on", () => {
    const plan = planVerification(parsed(lessonText()), { experimentLimitMs: 1 });
    const report = withStep(initialReport(plan), plan[0].id, { state: "passed" });
    expect(reportHeadline(report)).toMatchObject({ done: false, headline: "Verifying: 1 of 4 runs done" });
  });
});
