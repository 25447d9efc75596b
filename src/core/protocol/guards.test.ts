import { describe, expect, it } from "vitest";
import { isFinalMessage, isKernelMessage, isKernelRequest } from "./guards";
import { KERNEL_MESSAGE_KINDS, KERNEL_REQUEST_KINDS, type KernelMessage } from "./protocol";

describe("isKernelMessage", () => {
  it("accepts every message kind and nothing else", () => {
    for (const kind of KERNEL_MESSAGE_KINDS) expect(isKernelMessage({ kind })).toBe(true);
    for (const value of [null, undefined, "output", 3, {}, { kind: "run-checks" }, { kind: "toString" }])
      expect(isKernelMessage(value)).toBe(false);
  });
});

describe("isKernelRequest", () => {
  it("accepts every request kind and nothing else", () => {
    for (const kind of KERNEL_REQUEST_KINDS) expect(isKernelRequest({ kind })).toBe(true);
    for (const value of [null, "run-checks", { kind: "ready" }, { kind: "checks-done" }])
      expect(isKernelRequest(value)).toBe(false);
  });
});

describe("isFinalMessage", () => {
  it("is true of replies and failures, false of streamed messages", () => {
    const final = ["checks-done", "experiment-done", "benchmark-done", "failed"];
    for (const kind of KERNEL_MESSAGE_KINDS)
      expect(isFinalMessage({ kind } as KernelMessage)).toBe(final.includes(kind));
  });
});
