import { describe, expect, it } from "vitest";
import {
  CALIBRATION_VERSION,
  calibrationIdentity,
  chooseAutoBackend,
  experimentShape,
  interpolateStepMs,
  isCalibrationFor,
  wasmThreadsFor,
  WASM_THREADS_MIN_ELEMENTS,
  type BackendCalibration,
  type Calibration,
} from "./auto-choice";

const swiftshader = { vendor: "google", architecture: "swiftshader", description: "", isFallbackAdapter: true };

function calibration(backends: BackendCalibration[]): Calibration {
  return { version: CALIBRATION_VERSION, identity: "x", measuredAt: "2026-11-27T00:00:00Z", backends };
}

// Figures of the shape measured on the 2-core machine (PLATFORM.md): software WebGPU ~30 ms per tiny step.
const measured = calibration([
  {
    backend: "webgpu",
    ok: true,
    adapter: swiftshader,
    points: [
      { rows: 256, cols: 8, msPerStep: 30 },
      { rows: 4096, cols: 32, msPerStep: 45 },
    ],
  },
  {
    backend: "wasm",
    ok: true,
    points: [
      { rows: 256, cols: 8, msPerStep: 0.05 },
      { rows: 4096, cols: 32, msPerStep: 0.3 },
    ],
  },
  {
    backend: "cpu",
    ok: true,
    points: [
      { rows: 256, cols: 8, msPerStep: 0.1 },
      { rows: 4096, cols: 32, msPerStep: 1.2 },
    ],
  },
]);

describe("interpolateStepMs", () => {
  const points = [
    { rows: 64, cols: 4, msPerStep: 0.1 },
    { rows: 1024, cols: 16, msPerStep: 1.6 },
  ];
  it("keeps the smallest size's time below it and scales linearly above the largest", () => {
    expect(interpolateStepMs(points, 10, 2)).toBe(0.1);
    expect(interpolateStepMs(points, 2048, 16)).toBeCloseTo(3.2);
  });

  it("interpolates on log-log axes in between", () => {
    // 256 -> 16384 elements, 0.1 -> 1.6 ms: a power law of exponent 2/3; at 2048 elements, 0.4 ms.
    expect(interpolateStepMs(points, 512, 4)).toBeCloseTo(0.4);
  });
});

describe("chooseAutoBackend", () => {
  it("picks WASM over a software WebGPU adapter for lesson 1's small problem, and says why", () => {
    const decision = chooseAutoBackend(measured, { rows: 97, cols: 2, steps: 1500 });
    expect(decision.backend).toBe("wasm");
    expect(decision.estimates.map((e) => e.backend)).toEqual(["wasm", "cpu", "webgpu"]);
    expect(decision.reason).toMatch(/software adapter swiftshader/);
  });

  it("picks a fallback WebGPU adapter when its own measurement makes it faster", () => {
    const slowCpus = calibration([
      { backend: "webgpu", ok: true, adapter: swiftshader, points: [{ rows: 1000, cols: 10, msPerStep: 1 }] },
      { backend: "wasm", ok: true, points: [{ rows: 1000, cols: 10, msPerStep: 5 }] },
    ]);
    expect(chooseAutoBackend(slowCpus, { rows: 1000, cols: 10, steps: 10 }).backend).toBe("webgpu");
  });

  it("picks a real GPU for a large problem where its per-element cost wins", () => {
    const gpu = calibration([
      {
        backend: "webgpu",
        ok: true,
        points: [
          { rows: 256, cols: 8, msPerStep: 1.2 },
          { rows: 65536, cols: 64, msPerStep: 1.4 },
        ],
      },
      {
        backend: "wasm",
        ok: true,
        points: [
          { rows: 256, cols: 8, msPerStep: 0.05 },
          { rows: 65536, cols: 64, msPerStep: 10 },
        ],
      },
    ]);
    expect(chooseAutoBackend(gpu, { rows: 100, cols: 2, steps: 100 }).backend).toBe("wasm");
    expect(chooseAutoBackend(gpu, { rows: 100000, cols: 256, steps: 100 }).backend).toBe("webgpu");
  });

  it("leaves out backends that could not start and defaults to WASM when nothing was measured", () => {
    const none = calibration([{ backend: "webgpu", ok: false, reason: "no adapter", points: [] }]);
    const decision = chooseAutoBackend(none, { rows: 1, cols: 1, steps: 1 });
    expect(decision.backend).toBe("wasm");
    expect(decision.estimates).toEqual([]);
  });
});

describe("experimentShape", () => {
  it("uses iterations, or epochs times mini-batches", () => {
    expect(experimentShape(97, 2, { alpha: 0.01, iterations: 1500 })).toEqual({ rows: 97, cols: 2, steps: 1500 });
    expect(experimentShape(100, 2, { batchSize: 16, epochs: 10 })).toEqual({ rows: 16, cols: 2, steps: 70 });
  });

  it("counts a hidden layer's width, k-means' centroids and a Gaussian kernel's rows in each row's work", () => {
    expect(experimentShape(359, 64, { hidden: 16, iterations: 120 })).toEqual({ rows: 359, cols: 1024, steps: 120 });
    expect(experimentShape(240, 2, { K: 3, iterations: 10 })).toEqual({ rows: 240, cols: 6, steps: 10 });
    expect(experimentShape(200, 2, { C: 100, sigma: 0.4, iterations: 200 })).toEqual({
      rows: 200,
      cols: 200,
      steps: 200,
    });
  });
});

describe("calibration identity", () => {
  it("is tied to the browser and the adapter", () => {
    const id = calibrationIdentity("UA", swiftshader);
    expect(id).toContain("swiftshader");
    expect(isCalibrationFor({ ...measured, identity: id }, id)).toBe(true);
    expect(isCalibrationFor({ ...measured, identity: id }, calibrationIdentity("UA", null))).toBe(false);
    expect(isCalibrationFor(undefined, id)).toBe(false);
  });
});

describe("WASM's thread count", () => {
  // The shape measured on the 2-core machine: a second thread doubles small steps and halves large ones.
  const wasm: BackendCalibration = {
    backend: "wasm",
    ok: true,
    threads: 1,
    points: [
      { rows: 1024, cols: 16, msPerStep: 0.2 },
      { rows: 16384, cols: 64, msPerStep: 6 },
    ],
    threaded: {
      threads: 2,
      points: [
        { rows: 1024, cols: 16, msPerStep: 0.4 },
        { rows: 16384, cols: 64, msPerStep: 3 },
      ],
    },
  };
  const cpu: BackendCalibration = {
    backend: "cpu",
    ok: true,
    points: [
      { rows: 1024, cols: 16, msPerStep: 0.5 },
      { rows: 16384, cols: 64, msPerStep: 30 },
    ],
  };
  const small = { rows: 1024, cols: 16, steps: 100 };
  const large = { rows: 16384, cols: 64, steps: 100 };

  it("is the one the calibration measured faster for the shape", () => {
    expect(wasmThreadsFor(small, 2, calibration([wasm]))).toBe(1);
    expect(wasmThreadsFor(large, 2, calibration([wasm]))).toBe(2);
    expect(wasmThreadsFor(large, 1, calibration([wasm]))).toBe(1);
  });

  it("without a calibration, is every core only from WASM_THREADS_MIN_ELEMENTS per step", () => {
    expect(wasmThreadsFor({ rows: 1000, cols: 20, steps: 1 }, 4)).toBe(1);
    expect(wasmThreadsFor({ rows: WASM_THREADS_MIN_ELEMENTS / 20, cols: 20, steps: 1 }, 4)).toBe(4);
  });

  it("lets Auto estimate WASM with its faster count, and says so", () => {
    const atLarge = chooseAutoBackend(calibration([wasm, cpu]), large);
    expect(atLarge).toMatchObject({ backend: "wasm", threads: 2 });
    expect(atLarge.estimates[0]).toEqual({ backend: "wasm", ms: 300, threads: 2 });
    expect(atLarge.reason).toContain("WASM (2 threads) 300 ms");
    const atSmall = chooseAutoBackend(calibration([wasm, cpu]), small);
    expect(atSmall).toMatchObject({ backend: "wasm", threads: 1 });
    expect(atSmall.estimates[0].ms).toBeCloseTo(20);
  });

  it("leaves the thread count out where WASM was measured one way only", () => {
    const decision = chooseAutoBackend(measured, { rows: 256, cols: 8, steps: 10 });
    expect(decision.backend).toBe("wasm");
    expect(decision.reason).not.toContain("thread");
  });
});
