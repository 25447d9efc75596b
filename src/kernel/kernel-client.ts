/**
 * Main-thread side of the kernel. Each run gets a fresh worker (a clean state);
 * one spare worker is kept warm so a run does not wait for start-up. A run that
 * exceeds its time limit, or is stopped, terminates its worker: nothing learner
 * code does can block the page.
 */
import { isKernelMessage, type KernelMessage, type KernelRequest } from "../core/kernel/protocol";

export type RunEnd =
  | {
      kind: "finished";
      message: Extract<KernelMessage, { kind: "checks-done" | "experiment-done" | "benchmark-done" | "failed" }>;
    }
  | { kind: "timeout"; limitMs: number }
  | { kind: "stopped" }
  | { kind: "crashed"; message: string };

export interface RunHandle {
  done: Promise<RunEnd>;
  stop(): void;
}

function spawnKernel(): Worker {
  return new Worker(new URL("./kernel.worker.ts", import.meta.url), { type: "module", name: "kernel" });
}

export class KernelClient {
  private spare: Worker | null = null;

  /** Starts the spare worker ahead of the first run (optional). */
  warmUp(): void {
    this.spare ??= spawnKernel();
  }

  /** Sends one request to a fresh worker; `onMessage` receives outputs and errors as they stream. */
  run(request: KernelRequest, timeLimitMs: number, onMessage: (message: KernelMessage) => void): RunHandle {
    const worker = this.spare ?? spawnKernel();
    this.spare = null;
    let settle: (end: RunEnd) => void = () => undefined;
    const done = new Promise<RunEnd>((resolve) => (settle = resolve));
    let finished = false;
    const finish = (end: RunEnd) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.terminate();
      settle(end);
      setTimeout(() => this.warmUp(), 0);
    };
    const timer = setTimeout(() => finish({ kind: "timeout", limitMs: timeLimitMs }), timeLimitMs);
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isKernelMessage(message) || message.kind === "ready") return;
      if (message.runId !== request.runId) return;
      onMessage(message);
      if (
        message.kind === "checks-done" ||
        message.kind === "experiment-done" ||
        message.kind === "benchmark-done" ||
        message.kind === "failed"
      ) {
        finish({ kind: "finished", message });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ kind: "crashed", message: event.message || "the kernel worker crashed" });
    };
    worker.postMessage(request);
    return { done, stop: () => finish({ kind: "stopped" }) };
  }
}
