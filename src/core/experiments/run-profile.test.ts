import { describe, expect, it } from "vitest";
import { createStepRecorder, percentile, stepStats, topKernels } from "./run-profile";

describe("percentile and stepStats", () => {
  it("uses nearest rank", () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 0.5)).toBe(5);
    expect(percentile(sorted, 0.9)).toBe(9);
    expect(percentile(sorted, 0.99)).toBe(10);
  });

  it("summarises durations in any order and is undefined when there are none", () => {
    expect(stepStats([3, 1, 2])).toEqual({ count: 3, p50: 2, p90: 3, p99: 3, max: 3 });
    expect(stepStats([])).toBeUndefined();
  });
});

describe("topKernels", () => {
  it("sums by kernel name and keeps the slowest", () => {
    const top = topKernels(
      [
        { name: "MatMul", ms: 2 },
        { name: "Sub", ms: 0.5 },
        { name: "MatMul", ms: 3 },
      ],
      1,
    );
    expect(top).toEqual([{ name: "MatMul", ms: 5, calls: 2 }]);
  });
});

describe("createStepRecorder", () => {
  it("times each top-level tidy as a step and tracks peak memory", () => {
    let t = 0;
    let tensors = 0;
    const recorder = createStepRecorder(
      () => t,
      () => ({ numTensors: tensors, numBytes: tensors * 4 }),
      0,
    );
    const tf = recorder.wrap({ tidy: (f: () => unknown) => f(), other: 1 }) as {
      tidy: (f: () => unknown) => unknown;
      other: number;
    };
    expect(tf.other).toBe(1);
    for (const cost of [10, 2, 3, 2]) {
      tf.tidy(() => tf.tidy(() => ((tensors = cost), (t += cost))));
    }
    const out = recorder.finish(t);
    expect(out.firstStepMs).toBe(10);
    expect(out.stepMs).toEqual([2, 3, 2]);
    expect(out.peakTensors).toBe(10);
    expect(out.peakBytes).toBe(40);
  });
});
