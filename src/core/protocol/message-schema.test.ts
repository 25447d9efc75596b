import { describe, expect, it } from "vitest";
import { parseKernelMessage } from "./message-schema";

const verdict = { name: "v", passed: true, expected: "", got: "", hidden: false };

describe("parseKernelMessage", () => {
  it("accepts every honest message shape", () => {
    expect(parseKernelMessage({ kind: "ready" }).ok).toBe(true);
    expect(parseKernelMessage({ kind: "output", runId: "r", cellId: "c", text: "hi", level: "log" }).ok).toBe(true);
    expect(parseKernelMessage({ kind: "checks-done", runId: "r", verdicts: [verdict] }).ok).toBe(true);
    expect(parseKernelMessage({ kind: "failed", runId: "r", message: "boom" }).ok).toBe(true);
  });

  it("accepts the optional fields honest runs send: diagnoses, profiles, calibrations, Auto's estimates, class maps", () => {
    const backend = {
      requested: "auto",
      used: "wasm",
      skipped: [{ backend: "webgpu", reason: "no adapter" }],
      threads: 1,
      tfjsVersion: "4.22.0",
      auto: { estimates: [{ backend: "wasm", ms: 12 }], reason: "fastest measured" },
    };
    const implementation = { theta: [1], history: [{ step: 0, loss: NaN }], metrics: { cost: 1 }, wallTimeMs: 3 };
    const result = {
      experimentId: "e",
      implementations: [
        { name: "learner", backend: "js", ...implementation },
        { name: "reference", backend: "wasm", ...implementation },
      ],
      maxAbsThetaDiff: 0,
      backend,
      initialTheta: [0],
      trainRows: 10,
      testRows: 5,
      totalMs: 40,
      profile: {
        backendInitMs: 0,
        firstStepMs: 5,
        steadyMs: 20,
        steps: { count: 3, p50: 1, p90: 2, p99: 2, max: 2 },
        peakTensors: 10,
        peakBytes: 400,
        topKernels: [{ name: "MatMul", ms: 3, calls: 9 }],
        jsHeapBytes: 1e6,
        leakedTensors: 0,
      },
      calibration: {
        version: 1,
        identity: "chromium|none",
        measuredAt: "2026-11-27T00:00:00Z",
        backends: [{ backend: "cpu", ok: true, points: [{ rows: 100, cols: 2, msPerStep: 0.1 }], initMs: 1 }],
      },
      plots: [{ kind: "heatmap", title: "regions", xs: [0, 1], ys: [0], values: [[0, 1]], classes: ["a", "b"] }],
    };
    expect(parseKernelMessage({ kind: "experiment-done", runId: "r", result })).toMatchObject({ ok: true });
    const diagnosed = { kind: "checks-done", runId: "r", verdicts: [verdict], diagnoses: [{ id: "d", message: "m" }] };
    expect(parseKernelMessage(diagnosed)).toMatchObject({ ok: true });
  });

  it("rejects unknown kinds, missing and extra fields, and non-objects", () => {
    expect(parseKernelMessage({ kind: "grant-progress", runId: "r" }).ok).toBe(false);
    expect(parseKernelMessage({ kind: "checks-done", runId: "r", verdicts: [{ name: "v", passed: true }] }).ok).toBe(
      false,
    );
    expect(parseKernelMessage({ kind: "checks-done", runId: "r", verdicts: [{ ...verdict, html: "<b>" }] }).ok).toBe(
      false,
    );
    expect(parseKernelMessage("checks-done").ok).toBe(false);
    expect(parseKernelMessage(null).ok).toBe(false);
  });

  it("rejects huge strings and says where", () => {
    const parsed = parseKernelMessage({ kind: "output", runId: "r", cellId: "c", text: "x".repeat(1e6), level: "log" });
    expect(parsed).toMatchObject({ ok: false, problem: expect.stringContaining("text") });
  });

  it("keeps only the known fields of a learner's plot", () => {
    const parsed = parseKernelMessage({
      kind: "plot",
      runId: "r",
      cellId: "c",
      plot: { kind: "lines", title: "t", color: "red", series: [{ name: "s", points: [{ x: 1, y: 2, z: 3 }] }] },
    });
    expect(parsed.ok && parsed.message).toEqual({
      kind: "plot",
      runId: "r",
      cellId: "c",
      plot: { kind: "lines", title: "t", series: [{ name: "s", points: [{ x: 1, y: 2 }] }] },
    });
  });
});
