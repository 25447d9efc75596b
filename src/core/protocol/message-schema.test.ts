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
