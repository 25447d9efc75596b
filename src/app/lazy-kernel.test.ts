import { describe, expect, it, vi } from "vitest";
import type { KernelRunner } from "../ui/common/services-context";
import { lazyKernelRunner } from "./lazy-kernel";

/** A fake client whose runs end when stopped. */
function fakeClient() {
  const stops: string[] = [];
  const client = {
    warmUp: vi.fn(),
    run: vi.fn((request: { kind: string }) => {
      let end: (value: unknown) => void = () => {};
      const done = new Promise((resolve) => (end = resolve));
      return {
        done,
        stop: () => {
          stops.push(request.kind);
          end({ kind: "stopped" });
        },
      };
    }),
  };
  return { client: client as unknown as KernelRunner, raw: client, stops };
}

const request = { kind: "run-checks" } as unknown as Parameters<KernelRunner["run"]>[0];

describe("lazyKernelRunner", () => {
  it("loads the client once, on first use, and hands it runs and warm-ups", async () => {
    const fake = fakeClient();
    const load = vi.fn(async () => fake.client);
    const runner = lazyKernelRunner(load);
    expect(load).not.toHaveBeenCalled();
    runner.warmUp("wasm");
    const handle = runner.run(request, 1000, () => undefined);
    handle.stop();
    await handle.done;
    expect(load).toHaveBeenCalledTimes(1);
    expect(fake.raw.warmUp).toHaveBeenCalledWith("wasm");
    expect(fake.raw.run).toHaveBeenCalledTimes(1);
  });

  it("keeps a Stop given before the client arrived and stops the run as it starts", async () => {
    const fake = fakeClient();
    let arrive: (client: KernelRunner) => void = () => {};
    const runner = lazyKernelRunner(() => new Promise((resolve) => (arrive = resolve)));
    const handle = runner.run(request, 1000, () => undefined);
    handle.stop();
    expect(fake.stops).toEqual([]);
    arrive(fake.client);
    await expect(handle.done).resolves.toEqual({ kind: "stopped" });
    expect(fake.stops).toEqual(["run-checks"]);
  });

  it("fails the run, not the page, when the client cannot load, and tries again on the next run", async () => {
    const fake = fakeClient();
    const load = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(fake.client);
    const runner = lazyKernelRunner(load);
    runner.warmUp("wasm");
    await expect(runner.run(request, 1000, () => undefined).done).rejects.toThrow("offline");
    const retry = runner.run(request, 1000, () => undefined);
    retry.stop();
    await expect(retry.done).resolves.toEqual({ kind: "stopped" });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
