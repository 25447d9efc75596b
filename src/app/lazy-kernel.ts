/**
 * A kernel runner whose client loads on first use (the client brings the
 * message schema, zod, which the catalogue does not need). A run asked for
 * before the client is here starts when it arrives; a Stop in between is kept
 * and given to the run as soon as it starts.
 */
import type { RunHandle } from "../kernel/kernel-client";
import type { KernelRequest } from "../core/protocol/protocol";
import type { KernelRunner } from "../ui/common/services-context";

export function lazyKernelRunner(load: () => Promise<KernelRunner>): KernelRunner {
  let client: Promise<KernelRunner> | null = null;
  // A client that failed to load (offline, say) is asked for again on the next use.
  const loaded = () =>
    (client ??= load().catch((error: unknown) => {
      client = null;
      throw error;
    }));
  return {
    warmUp(backend) {
      // Only a head start: a failure shows on the run that needs the client.
      loaded().then(
        (runner) => runner.warmUp(backend),
        () => undefined,
      );
    },
    run<R extends KernelRequest>(
      request: R,
      timeLimitMs: number,
      onMessage: Parameters<KernelRunner["run"]>[2],
    ): RunHandle<R["kind"]> {
      let stopRequested = false;
      let handle: RunHandle<R["kind"]> | null = null;
      const done = loaded().then((runner) => {
        handle = runner.run(request, timeLimitMs, onMessage);
        if (stopRequested) handle.stop();
        return handle.done;
      });
      return {
        done,
        stop() {
          stopRequested = true;
          handle?.stop();
        },
      };
    },
  };
}
