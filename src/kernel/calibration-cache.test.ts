import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CALIBRATION_VERSION, type Calibration } from "../core/backends/auto-choice";
import type { KernelRequest } from "../core/protocol/protocol";
import { CALIBRATION_KEY, withCachedCalibration } from "./calibration-cache";

const stored: Calibration = {
  version: CALIBRATION_VERSION,
  identity: "x",
  measuredAt: "2026-11-27T00:00:00Z",
  backends: [],
};

function experiment(backend: "auto" | "wasm" | "cpu" | "webgpu"): KernelRequest {
  return { kind: "run-experiment", runId: "r", backend } as unknown as KernelRequest;
}

describe("withCachedCalibration", () => {
  beforeEach(() => {
    const items = new Map([[CALIBRATION_KEY, JSON.stringify(stored)]]);
    Object.assign(globalThis, { localStorage: { getItem: (key: string) => items.get(key) ?? null } });
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it("attaches this device's calibration to Auto and WASM experiments, which decide by it", () => {
    expect(withCachedCalibration(experiment("auto"))).toMatchObject({ calibration: stored });
    expect(withCachedCalibration(experiment("wasm"))).toMatchObject({ calibration: stored });
  });

  it("leaves other requests as they are", () => {
    const cpu = experiment("cpu");
    expect(withCachedCalibration(cpu)).toBe(cpu);
    expect(withCachedCalibration(experiment("webgpu"))).not.toHaveProperty("calibration");
  });
});
