import { describe, expect, it } from "vitest";
import type { KernelMessage } from "./protocol";
import type { RunId } from "../tracking/types";
import { createRunMeter, RUN_LIMITS } from "./run-limits";

const runId = "r" as RunId;
const line = (text: string): KernelMessage => ({ kind: "output", runId, cellId: "c", level: "log", text });

describe("createRunMeter", () => {
  it("admits an ordinary run", () => {
    const meter = createRunMeter();
    for (let i = 0; i < 1000; i++) expect(meter.admit(line(`line ${i}`), i * 2)).toBeNull();
  });

  it("ends a run that floods messages within a second", () => {
    const meter = createRunMeter();
    let verdict: string | null = null;
    for (let i = 0; i <= RUN_LIMITS.messagesPerSecond && !verdict; i++) verdict = meter.admit(line("x"), 0);
    expect(verdict).toMatch(/a second/);
  });

  it("ends a run with a line or a total over the caps", () => {
    expect(createRunMeter().admit(line("x".repeat(RUN_LIMITS.lineChars + 1)), 0)).toMatch(/longer than/);
    const meter = createRunMeter({ ...RUN_LIMITS, totalChars: 100 });
    expect(meter.admit(line("x".repeat(60)), 0)).toBeNull();
    expect(meter.admit(line("x".repeat(60)), 0)).toMatch(/more than 100 characters/);
  });
});
