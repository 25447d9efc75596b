import { describe, expectTypeOf, it } from "vitest";
import type { KernelMessageOf, KernelReply, RunBenchmarkRequest, RunChecksRequest } from "../core/protocol/protocol";
import type { KernelClient, RunEnd, RunHandle } from "./kernel-client";

type Finished<E> = E extends { kind: "finished"; message: infer M } ? M : never;

describe("KernelClient.run (types, checked by tsc)", () => {
  it("resolves with the final message of the request's kind", () => {
    const client = {} as KernelClient;
    expectTypeOf(client.run<RunChecksRequest>).returns.toEqualTypeOf<RunHandle<"run-checks">>();
    expectTypeOf(client.run<RunBenchmarkRequest>).returns.toEqualTypeOf<RunHandle<"run-benchmark">>();
    expectTypeOf<Finished<RunEnd<"run-checks">>>().toEqualTypeOf<
      KernelReply<"run-checks"> | KernelMessageOf<"failed">
    >();
    expectTypeOf<Finished<RunEnd<"run-benchmark">>["kind"]>().toEqualTypeOf<"benchmark-done" | "failed">();
  });
});
