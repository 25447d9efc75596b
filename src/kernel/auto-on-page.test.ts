import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CALIBRATION_VERSION, calibrationIdentity, type Calibration } from "../core/backends/auto-choice";
import type { KernelRequest, RunExperimentRequest } from "../core/protocol/protocol";
import { spareBackendFor, withAutoDecided } from "./auto-on-page";
import { CALIBRATION_KEY } from "./calibration-cache";

const USER_AGENT = "TestBrowser/1";
const points = (ms: number) => [
  { rows: 64, cols: 4, msPerStep: ms },
  { rows: 16384, cols: 64, msPerStep: ms * 100 },
];

function calibrationFor(identity: string): Calibration {
  return {
    version: CALIBRATION_VERSION,
    identity,
    measuredAt: "2026-11-27T00:00:00Z",
    backends: [
      { backend: "wasm", ok: true, threads: 1, points: points(0.1) },
      { backend: "cpu", ok: true, points: points(0.05) },
      { backend: "webgpu", ok: false, reason: "no adapter", points: [] },
    ],
  };
}

/** A 100-row, 2-column experiment of 50 steps. */
function experiment(backend: RunExperimentRequest["backend"]): KernelRequest {
  const rows = Array.from({ length: 100 }, (_, i) => [i, 2 * i]);
  return {
    kind: "run-experiment",
    runId: "r",
    backend,
    lesson: { setup: [], datasets: [{ id: "d", version: 1, rows }] },
    spec: { dataset: { id: "d", version: 1 }, split: { test: 0 }, params: { iterations: 50 } },
  } as unknown as KernelRequest;
}

let stored: string | undefined;

describe("Auto decided on the page", () => {
  beforeEach(() => {
    Object.assign(globalThis, {
      self: { navigator: { userAgent: USER_AGENT } },
      localStorage: { getItem: (key: string) => (key === CALIBRATION_KEY ? (stored ?? null) : null) },
    });
  });
  afterEach(() => {
    stored = undefined;
    delete (globalThis as { localStorage?: unknown }).localStorage;
    delete (globalThis as { self?: unknown }).self;
  });

  it("names the backend Auto chose from this device's calibration, with the decision and why", async () => {
    stored = JSON.stringify(calibrationFor(calibrationIdentity(USER_AGENT, null)));
    const decided = (await withAutoDecided(experiment("auto"))) as RunExperimentRequest;
    expect(decided.backend).toBe("cpu");
    expect(decided.autoDecision?.reason).toContain("fastest estimate for 100×2, 50 steps: CPU");
    expect(decided.calibration?.identity).toBe(calibrationIdentity(USER_AGENT, null));
  });

  it("leaves Auto to the kernel without a calibration, or with another device's", async () => {
    expect(await withAutoDecided(experiment("auto"))).toMatchObject({ backend: "auto" });
    stored = JSON.stringify(calibrationFor(calibrationIdentity("OtherBrowser/2", null)));
    const undecided = await withAutoDecided(experiment("auto"));
    expect(undecided).toMatchObject({ backend: "auto" });
    expect(undecided).not.toHaveProperty("autoDecision");
  });

  it("gives a WASM run this device's calibration (it says when threads pay), never another device's", async () => {
    const wasm = experiment("wasm");
    expect(await withAutoDecided(wasm)).toBe(wasm);
    stored = JSON.stringify(calibrationFor(calibrationIdentity("OtherBrowser/2", null)));
    expect(await withAutoDecided(wasm)).toBe(wasm);
    stored = JSON.stringify(calibrationFor(calibrationIdentity(USER_AGENT, null)));
    const sent = (await withAutoDecided(wasm)) as RunExperimentRequest;
    expect(sent).toMatchObject({ backend: "wasm", calibration: { identity: calibrationIdentity(USER_AGENT, null) } });
    expect(sent).not.toHaveProperty("autoDecision");
  });

  it("leaves other backends and requests as they are", async () => {
    stored = JSON.stringify(calibrationFor(calibrationIdentity(USER_AGENT, null)));
    const cpu = experiment("cpu");
    expect(await withAutoDecided(cpu)).toBe(cpu);
    const checks = { kind: "run-checks", runId: "c" } as unknown as KernelRequest;
    expect(await withAutoDecided(checks)).toBe(checks);
  });

  it("treats a stored calibration that fails the schema as missing (an older app's, or one written by hand)", async () => {
    const good = calibrationFor(calibrationIdentity(USER_AGENT, null));
    for (const bad of [{ ...good, backends: "wasm" }, { ...good, extra: 1 }, "not json {"]) {
      stored = typeof bad === "string" ? bad : JSON.stringify(bad);
      expect(await withAutoDecided(experiment("auto"))).toMatchObject({ backend: "auto" });
      expect(spareBackendFor("auto")).toBe("auto");
    }
  });

  it("starts an Auto spare with WASM in the frame once a calibration is held", () => {
    expect(spareBackendFor("auto")).toBe("auto");
    stored = JSON.stringify(calibrationFor("any device"));
    expect(spareBackendFor("auto")).toBe("wasm");
    expect(spareBackendFor("cpu")).toBe("cpu");
  });
});
