/**
 * Main-thread side of the kernel. Each run gets a fresh worker (a clean state);
 * one spare worker is kept warm so a run does not wait for start-up. A run that
 * exceeds its time limit, or is stopped, terminates its worker: nothing learner
 * code does can block the page.
 */
import { isFinalMessage, isKernelMessage } from "../core/protocol/guards";
import type { KernelFinalMessage, KernelMessage, KernelRequest, KernelRequestKind } from "../core/protocol/protocol";
import type { BackendChoice } from "../core/backends/backend-choice";
import type { PrewarmMessage } from "./prewarm";
import { rememberCalibration, withCachedCalibration } from "./calibration-cache";

/** How a run of kind K ended: with its final message (its reply, or `failed`), or without one. */
export type RunEnd<K extends KernelRequestKind = KernelRequestKind> =
  | { kind: "finished"; message: KernelFinalMessage<K> }
  | { kind: "timeout"; limitMs: number }
  | { kind: "stopped" }
  | { kind: "crashed"; message: string };

/** A run in progress: how it will end, and a way to stop it. */
export interface RunHandle<K extends KernelRequestKind = KernelRequestKind> {
  done: Promise<RunEnd<K>>;
  stop(): void;
}

function spawnKernel(backend?: BackendChoice): Worker {
  const worker = new Worker(new URL("./kernel.worker.ts", import.meta.url), { type: "module", name: "kernel" });
  if (backend) worker.postMessage({ kind: "prewarm", backend } satisfies PrewarmMessage);
  return worker;
}

export class KernelClient {
  private spare: Worker | null = null;
  /** The backend the spare worker initialised (undefined: none, only the worker started). */
  private spareBackend: BackendChoice | undefined;
  /** The backend the next run will most likely ask for; each new spare initialises it. */
  private expectedBackend: BackendChoice | undefined;

  /**
   * Starts the spare worker ahead of the first run (optional). With a backend,
   * the spare loads tfjs and initialises it; a spare warmed for another backend is replaced.
   */
  warmUp(backend?: BackendChoice): void {
    if (backend) this.expectedBackend = backend;
    if (this.spare && this.spareBackend !== this.expectedBackend) {
      this.spare.terminate();
      this.spare = null;
    }
    if (this.spare) return;
    this.spare = spawnKernel(this.expectedBackend);
    this.spareBackend = this.expectedBackend;
  }

  /**
   * Sends one request to a fresh worker; `onMessage` receives outputs and errors
   * as they stream. The run ends with the reply to the request's kind (e.g.
   * `checks-done` for `run-checks`) or `failed`.
   */
  run<R extends KernelRequest>(
    request: R,
    timeLimitMs: number,
    onMessage: (message: KernelMessage) => void,
  ): RunHandle<R["kind"]> {
    const worker = this.spare ?? spawnKernel();
    this.spare = null;
    let settle: (end: RunEnd<R["kind"]>) => void = () => undefined;
    const done = new Promise<RunEnd<R["kind"]>>((resolve) => (settle = resolve));
    let finished = false;
    const finish = (end: RunEnd<R["kind"]>) => {
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
      rememberCalibration(message);
      // The worker answers a request with the reply of its kind (see kernel.worker.ts).
      if (isFinalMessage(message)) finish({ kind: "finished", message: message as KernelFinalMessage<R["kind"]> });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ kind: "crashed", message: event.message || "the kernel worker crashed" });
    };
    worker.postMessage(withCachedCalibration(request));
    return { done, stop: () => finish({ kind: "stopped" }) };
  }
}
