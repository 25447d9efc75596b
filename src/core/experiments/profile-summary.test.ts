import { describe, expect, it } from "vitest";
import { costRows } from "./profile-summary";
import type { RunProfile } from "./run-profile";

const profile: RunProfile = {
  backendInitMs: 0,
  firstStepMs: 12.5,
  steadyMs: 300,
  steps: { count: 1499, p50: 0.2, p90: 0.3, p99: 0.9, max: 2 },
  peakTensors: 12,
  peakBytes: 2 * 1048576,
  topKernels: [{ name: "BatchMatMul", ms: 120, calls: 3000 }],
  leakedTensors: 0,
};

describe("costRows", () => {
  it("puts the lesson's estimate for the backend used beside the measured total", () => {
    const rows = costRows(profile, "wasm", { wasmSeconds: 2, cpuSeconds: 1, memoryMiB: 16 });
    expect(rows[0]).toEqual({ label: "tfjs total", measured: "313 ms", estimate: "2 s" });
    expect(rows.find((r) => r.label === "peak live tensors")).toEqual({
      label: "peak live tensors",
      measured: "12 (2.00 MiB)",
      estimate: "16 MiB",
    });
    expect(rows.find((r) => r.label === "tensors leaked")?.measured).toBe("0");
    expect(rows.find((r) => r.label === "top kernels")?.measured).toBe("BatchMatMul 120 ms (3000×)");
  });

  it("has no time estimate for WebGPU and says why kernels are missing", () => {
    const rows = costRows({ ...profile, topKernels: undefined, kernelsNote: "not profiled" }, "webgpu", {});
    expect(rows[0].estimate).toBeUndefined();
    expect(rows.at(-1)?.measured).toBe("not profiled");
  });

  it("says when the kernels were profiled over the first steps only", () => {
    const rows = costRows({ ...profile, kernelsNote: "profiled over the first 200 of 1500 steps" }, "wasm", {});
    expect(rows.find((r) => r.label === "top kernels")?.measured).toBe(
      "BatchMatMul 120 ms (3000×) (profiled over the first 200 of 1500 steps)",
    );
  });
});
