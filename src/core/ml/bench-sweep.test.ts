import { describe, expect, it } from "vitest";
import type { Calibration } from "../backends/auto-choice";
import { gdStepFlat } from "./benchmark";
import { logSizes, planSweep, summariseSweep, sweepToCsv, type SweepPoint } from "./bench-sweep";

const point = (over: Partial<SweepPoint>): SweepPoint => ({
  workload: "matmul",
  implementation: "cpu",
  size: 64,
  cols: 64,
  msPerOp: 1,
  gflops: 1,
  repeats: 5,
  ...over,
});

describe("logSizes", () => {
  it("spaces sizes evenly per decade, rounded, ends included", () => {
    expect(logSizes(100, 10_000, 1)).toEqual([100, 1000, 10_000]);
    expect(logSizes(10, 100, 2)).toEqual([10, 32, 100]);
  });
  it("is empty for an impossible range", () => {
    expect(logSizes(100, 10, 1)).toEqual([]);
    expect(logSizes(0, 10, 1)).toEqual([]);
  });
});

describe("planSweep", () => {
  it("makes one job per backend and workload, timing JavaScript only in the first backend's jobs", () => {
    const jobs = planSweep(["cpu", "wasm"], "quick");
    expect(jobs.map((j) => `${j.backend}/${j.workload}/${j.withJs}`)).toEqual([
      "cpu/matmul/true",
      "cpu/gd-step/true",
      "wasm/matmul/false",
      "wasm/gd-step/false",
    ]);
  });
});

describe("summariseSweep", () => {
  it("names the fastest implementation and, without calibration, the fastest tfjs backend as Auto", () => {
    const [summary] = summariseSweep([
      point({ implementation: "cpu", msPerOp: 3 }),
      point({ implementation: "wasm", msPerOp: 2 }),
      point({ implementation: "js", msPerOp: 1 }),
    ]);
    expect(summary).toMatchObject({ winner: "js", auto: "wasm", autoSource: "measured" });
  });

  it("uses Auto's estimator on the calibration for a gradient-descent step", () => {
    const calibration: Calibration = {
      version: 2,
      identity: "x",
      measuredAt: "2026-11-27T00:00:00.000Z",
      backends: [
        { backend: "cpu", ok: true, points: [{ rows: 1000, cols: 20, msPerStep: 0.1 }] },
        { backend: "wasm", ok: true, points: [{ rows: 1000, cols: 20, msPerStep: 5 }] },
      ],
    };
    const points = [
      point({ workload: "gd-step", size: 1000, cols: 20, implementation: "wasm", msPerOp: 0.5 }),
      point({ workload: "gd-step", size: 1000, cols: 20, implementation: "cpu", msPerOp: 1 }),
    ];
    const [summary] = summariseSweep(points, calibration);
    expect(summary).toMatchObject({ winner: "wasm", auto: "cpu", autoSource: "calibration" });
  });

  it("orders by workload, then size", () => {
    const summaries = summariseSweep([point({ size: 128 }), point({ size: 32 }), point({ workload: "gd-step" })]);
    expect(summaries.map((s) => `${s.workload}@${s.size}`)).toEqual(["gd-step@64", "matmul@32", "matmul@128"]);
  });
});

describe("sweepToCsv", () => {
  it("writes a header and one line per point with the fastest and Auto at its size", () => {
    const points = [point({ implementation: "cpu", msPerOp: 2 }), point({ implementation: "wasm", msPerOp: 1 })];
    const csv = sweepToCsv(points, summariseSweep(points));
    expect(csv.trim().split("\n")).toEqual([
      "workload,implementation,size,cols,msPerOp,gflops,repeats,fastest,auto",
      "matmul,cpu,64,64,2,1,5,wasm,wasm",
      "matmul,wasm,64,64,1,1,5,wasm,wasm",
    ]);
  });
});

describe("gdStepFlat", () => {
  it("moves theta against the gradient of the mean squared error", () => {
    // X = [[1], [2]], y = [1, 2], theta = 0: gradient = -(1*1 + 2*2) = -5, step alpha/m = 0.5.
    const theta = gdStepFlat(Float64Array.from([1, 2]), Float64Array.from([1, 2]), new Float64Array(1), 2, 1, 1);
    expect(theta[0]).toBeCloseTo(2.5);
  });
});
