/** The page's single run slot: one kernel run at a time, with a Stop that ends it. */
import { useCallback, useRef, useState } from "react";
import type { KernelMessage, KernelRequest } from "../../core/protocol/protocol";
import type { RunningTask } from "../../core/session/types";
import { useServices } from "../common/services-context";

export function useRunSlot() {
  const { kernel } = useServices();
  const [running, setRunning] = useState<RunningTask | null>(null);
  const stopCurrent = useRef<(() => void) | null>(null);

  /** Builds the request, runs it in a fresh worker, streams its messages to `onMessage`; resolves with how it ended. */
  const runKernel = useCallback(
    async <R extends KernelRequest>(
      target: RunningTask["target"],
      limitMs: number,
      build: () => Promise<R>,
      onMessage: (m: KernelMessage) => void,
    ) => {
      const request = await build();
      setRunning({ target, startedAt: performance.now(), limitMs });
      const handle = kernel.run(request, limitMs, onMessage);
      stopCurrent.current = handle.stop;
      const end = await handle.done;
      stopCurrent.current = null;
      setRunning(null);
      return { request, end };
    },
    [kernel],
  );

  const stop = useCallback(() => stopCurrent.current?.(), []);
  return { running, runKernel, stop };
}

/** The run slot as the runners use it. */
export type RunSlot = Pick<ReturnType<typeof useRunSlot>, "running" | "runKernel">;
