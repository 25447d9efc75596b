import { describe, expect, it } from "vitest";
import type { CheckVerdict } from "../grading/types";
import { sampleRun } from "./fixtures";
import {
  buildDraftRecord,
  buildProgressRecord,
  buildRunRecord,
  newRunId,
  runCodeText,
  type RunRecordId,
} from "./record-builders";
import { validateDraft, validateProgress, validateRun } from "./schemas";

const NOW = "2026-11-03T10:00:00.000Z";
const verdict = (passed: boolean): CheckVerdict => ({
  name: "cost at theta = [0, 0]",
  passed,
  expected: "32.07",
  got: passed ? "32.07" : "0",
  hidden: false,
});
const progressOf = (verdicts: CheckVerdict[], previous?: { everPassed: boolean }) =>
  buildProgressRecord({
    lessonId: "linear-regression",
    exerciseId: "computeCost",
    verdicts,
    solutionShown: false,
    previous,
    now: NOW,
  });

describe("newRunId", () => {
  it("is a fresh UUID each time", () => {
    const [a, b] = [newRunId(), newRunId()];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it("takes the id from the given source", () => {
    expect(newRunId(() => "run-0001")).toBe("run-0001");
  });
});

describe("buildDraftRecord", () => {
  it("keeps the code, the replaced code and the hints revealed, at the given time", () => {
    const draft = buildDraftRecord({
      lessonId: "linear-regression",
      exerciseId: "computeCost",
      code: "return 1;",
      previousCode: "return 0;",
      hintsRevealed: 2,
      now: NOW,
    });
    expect(draft).toEqual({
      schemaVersion: 1,
      lessonId: "linear-regression",
      exerciseId: "computeCost",
      code: "return 1;",
      previousCode: "return 0;",
      hintsRevealed: 2,
      updatedAt: NOW,
    });
    expect(validateDraft(draft).ok).toBe(true);
  });
});

describe("buildProgressRecord", () => {
  it("is all passed and ever passed when every check passes", () => {
    const record = progressOf([verdict(true), verdict(true)]);
    expect(record).toMatchObject({ allPassed: true, everPassed: true, updatedAt: NOW });
    expect(validateProgress(record).ok).toBe(true);
  });

  it("is not passed when one check fails and it never passed before", () => {
    expect(progressOf([verdict(true), verdict(false)])).toMatchObject({ allPassed: false, everPassed: false });
  });

  it("stays ever passed after a failing run once an earlier run passed", () => {
    expect(progressOf([verdict(false)], { everPassed: true })).toMatchObject({ allPassed: false, everPassed: true });
  });

  it("becomes ever passed on the first passing run", () => {
    expect(progressOf([verdict(true)], { everPassed: false }).everPassed).toBe(true);
  });

  it("records whether the solution was shown", () => {
    const record = buildProgressRecord({
      lessonId: "l",
      exerciseId: "e",
      verdicts: [verdict(true)],
      solutionShown: true,
      now: NOW,
    });
    expect(record.solutionShown).toBe(true);
  });
});

describe("runCodeText", () => {
  it("joins the cells in order, each under a header line", () => {
    expect(
      runCodeText([
        { id: "a", code: "1" },
        { id: "b", code: "2" },
      ]),
    ).toBe("// --- cell a ---\n1\n\n// --- cell b ---\n2");
  });
});

describe("buildRunRecord", () => {
  const sample = sampleRun();
  // A loaded dataset carries its rows too; the record keeps only id, version and checksum.
  const loaded = { ...sample.dataset, rows: [[1, 2]] };
  const build = (memory?: { numTensors: number; numBytes: number }) =>
    buildRunRecord({
      runId: sample.runId as RunRecordId,
      lessonId: sample.lessonId,
      experiment: {
        id: sample.experimentId,
        spec: { seed: sample.seed, split: sample.split, params: sample.params },
      },
      dataset: loaded,
      code: sample.code,
      result: {
        backend: sample.backend,
        implementations: sample.implementations,
        maxAbsThetaDiff: sample.maxAbsThetaDiff,
        totalMs: sample.timings.totalMs,
        memory,
      },
      environment: sample.environment,
      now: sample.createdAt,
    });

  it("keeps what reproduces the run and what it measured", () => {
    const record = build(sample.memory);
    expect(record).toEqual(sample);
    expect(validateRun(record).ok).toBe(true);
  });

  it("has no memory field when the run did not measure memory", () => {
    const record = build();
    expect("memory" in record).toBe(false);
    expect(validateRun(record).ok).toBe(true);
  });
});
