import { describe, expect, it } from "vitest";
import { sampleRun, SAMPLE_SHA256 } from "./fixtures";
import {
  checksumMismatches,
  compareReplay,
  describeVerdict,
  FLOAT32_REORDER_TOLERANCE,
  relativeDifference,
  replayInputsProblem,
  replayTolerance,
} from "./replay";
import type { RunRecord } from "./types";

function withReference(run: RunRecord, change: (impl: RunRecord["implementations"][number]) => void): RunRecord {
  const copy = structuredClone(run);
  change(copy.implementations[1]);
  return copy;
}

describe("compareReplay", () => {
  it("is bit-identical when every loss, parameter and metric has the same bits", () => {
    expect(compareReplay(sampleRun(), sampleRun())).toEqual({ kind: "bit-identical", compared: 12 });
  });

  it("treats NaN as equal to NaN (a diverged run replays as diverged)", () => {
    const diverged = withReference(sampleRun(), (impl) => (impl.history[1].loss = NaN));
    expect(compareReplay(diverged, structuredClone(diverged)).kind).toBe("bit-identical");
  });

  it("says where a CPU/WASM/JS replay first differs: step and values", () => {
    const replay = withReference(sampleRun(), (impl) => (impl.history[1].loss = 4.480001));
    const verdict = compareReplay(sampleRun(), replay);
    expect(verdict).toMatchObject({ kind: "differs", where: { implementation: "reference", what: "loss", at: 1500 } });
    expect(describeVerdict(verdict)).toMatch(
      /^differs: first at tfjs, loss at step 1500: original 4.48, replay 4.480001/,
    );
  });

  it("accepts float32 reordering on WebGPU within the stated tolerance", () => {
    const original = withReference(sampleRun(), (impl) => (impl.backend = "webgpu"));
    const replay = withReference(original, (impl) => (impl.theta[0] = -3.63 * (1 + 1e-6)));
    const verdict = compareReplay(original, replay);
    expect(verdict).toMatchObject({ kind: "within tolerance", tolerance: FLOAT32_REORDER_TOLERANCE });
    expect(describeVerdict(verdict)).toMatch(/^within tolerance: largest relative difference 1\.00e-6/);
  });

  it("differs when a step is missing", () => {
    const replay = withReference(sampleRun(), (impl) => impl.history.pop());
    expect(compareReplay(sampleRun(), replay)).toMatchObject({ kind: "differs", missing: true });
  });
});

describe("replayTolerance and relativeDifference", () => {
  it("is 0 on the same deterministic backend and float32 reordering otherwise", () => {
    expect(replayTolerance("wasm", "wasm")).toBe(0);
    expect(replayTolerance("js", "js")).toBe(0);
    expect(replayTolerance("webgpu", "webgpu")).toBe(FLOAT32_REORDER_TOLERANCE);
    expect(replayTolerance("cpu", "wasm")).toBe(FLOAT32_REORDER_TOLERANCE);
  });

  it("is relative above 1 and absolute below", () => {
    expect(relativeDifference(100, 101)).toBeCloseTo(1 / 101);
    expect(relativeDifference(1e-9, 2e-9)).toBeCloseTo(1e-9);
    expect(relativeDifference(NaN, 1)).toBe(Infinity);
  });
});

describe("checksumMismatches", () => {
  const replayable = sampleRun({
    replay: {
      cells: [],
      setup: [],
      reference: { id: "ref", code: "" },
      spec: {
        title: "t",
        task: "linear-regression",
        dataset: { id: "ex1-lookalike", version: 1 },
        split: { test: 0.2, seed: 7 },
        seed: 42,
        init: "zeros",
        params: {},
        learner: "gradientDescent",
        reference: "ref",
      },
      lesson: { formatVersion: 1, sha256: "a".repeat(64) },
    },
  });

  it("is empty when code, dataset and lesson checksums match", () => {
    expect(
      checksumMismatches(replayable, { code: SAMPLE_SHA256, dataset: SAMPLE_SHA256, lesson: "a".repeat(64) }),
    ).toEqual([]);
  });

  it("reports a changed dataset and lesson instead of replaying them", () => {
    const problems = checksumMismatches(replayable, {
      code: SAMPLE_SHA256,
      dataset: "b".repeat(64),
      lesson: "c".repeat(64),
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Dataset ex1-lookalike@1 changed since this run/);
    expect(problems[1]).toMatch(/^Lesson linear-regression changed since this run/);
  });

  it("says a schema-1 run cannot be replayed", () => {
    expect(replayInputsProblem(sampleRun())).toMatch(/cannot be replayed/);
    expect(replayInputsProblem(replayable)).toBeNull();
  });
});
