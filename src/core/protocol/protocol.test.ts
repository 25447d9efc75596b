import { describe, expectTypeOf, it } from "vitest";
import type { KernelFinalMessage, KernelMessage, KernelReply, KernelRequest, RunChecksRequest } from "./protocol";

describe("the kernel protocol's types (checked by tsc)", () => {
  it("maps each request kind to its reply message", () => {
    expectTypeOf<KernelReply<"run-checks">>().toEqualTypeOf<Extract<KernelMessage, { kind: "checks-done" }>>();
    expectTypeOf<KernelReply<"run-experiment">>().toEqualTypeOf<Extract<KernelMessage, { kind: "experiment-done" }>>();
    expectTypeOf<KernelReply<"run-benchmark">>().toEqualTypeOf<Extract<KernelMessage, { kind: "benchmark-done" }>>();
  });

  it("ends a run with its reply or failed", () => {
    expectTypeOf<KernelFinalMessage<"run-checks">["kind"]>().toEqualTypeOf<"checks-done" | "failed">();
    expectTypeOf<KernelFinalMessage["kind"]>().toEqualTypeOf<
      "checks-done" | "experiment-done" | "benchmark-done" | "failed"
    >();
  });

  it("makes each request kind its own member of the request union", () => {
    expectTypeOf<Extract<KernelRequest, { kind: "run-checks" }>>().toEqualTypeOf<RunChecksRequest>();
  });
});
