/**
 * Main-thread side of the kernel. Each run gets a fresh worker (a clean state);
 * one spare worker is kept warm so a run does not wait for start-up. A run that
 * exceeds its time limit, or is stopped, terminates its worker: nothing learner
 * code does can block the page.
 *
 * Nothing the worker posts is trusted: every message is validated against a
 * strict schema (message-schema.ts) and counted against the run's caps
 * (run-limits.ts); an invalid message or a cap reached ends the run with a
 * notice. Streamed outputs reach `onMessage` in batches, at most one batch per
 * BATCH_INTERVAL_MS, so the page renders them once per batch, not per line.
 */
import type { KernelMessage, KernelRequest } from "../core/kernel/protocol";
import { loadWasmBinaries } from "../tfjs/wasm-files";
import { parseKernelMessage } from "./message-schema";
import { createRunMeter } from "./run-limits";

export type RunEnd =
  | {
      kind: "finished";
      message: Extract<KernelMessage, { kind: "checks-done" | "experiment-done" | "benchmark-done" | "failed" }>;
    }
  | { kind: "timeout"; limitMs: number }
  | { kind: "stopped" }
  | { kind: "crashed"; message: string }
  /** The page ended the run: the kernel sent an invalid message or exceeded a cap. `message` is for the learner. */
  | { kind: "refused"; message: string };

export interface RunHandle {
  done: Promise<RunEnd>;
  stop(): void;
}

/** Streamed messages are handed on at most this often, at most this many (and one plot) at a time. */
const BATCH_INTERVAL_MS = 50;
const BATCH_MAX_MESSAGES = 250;

function spawnKernel(): Worker {
  return new Worker(new URL("./kernel.worker.ts", import.meta.url), { type: "module", name: "kernel" });
}

/** Whether a request may start the WASM backend, which needs the binaries from the page. */
function mayUseWasm(request: KernelRequest): boolean {
  return request.kind !== "run-checks" && request.backend !== "cpu";
}

function isFinal(
  message: KernelMessage,
): message is Extract<KernelMessage, { kind: "checks-done" | "experiment-done" | "benchmark-done" | "failed" }> {
  return (
    message.kind === "checks-done" ||
    message.kind === "experiment-done" ||
    message.kind === "benchmark-done" ||
    message.kind === "failed"
  );
}

export class KernelClient {
  private spare: Worker | null = null;

  /** Starts the spare worker ahead of the first run (optional). */
  warmUp(): void {
    this.spare ??= spawnKernel();
  }

  /** Sends one request to a fresh worker; `onMessage` receives outputs and errors, in batches, as they stream. */
  run(request: KernelRequest, timeLimitMs: number, onMessage: (message: KernelMessage) => void): RunHandle {
    const worker = this.spare ?? spawnKernel();
    this.spare = null;
    let settle: (end: RunEnd) => void = () => undefined;
    const done = new Promise<RunEnd>((resolve) => (settle = resolve));
    let finished = false;
    let pending: KernelMessage[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let ended: RunEnd | null = null;
    /** Hands on one batch; the next waits BATCH_INTERVAL_MS, so the page renders between batches. */
    const flush = () => {
      flushTimer = undefined;
      let size = 0;
      let plots = 0;
      while (size < pending.length && size < BATCH_MAX_MESSAGES) {
        if (pending[size].kind === "plot" && ++plots > 1 && size > 0) break;
        size += 1;
      }
      pending.splice(0, size).forEach(onMessage);
      if (pending.length > 0) flushTimer = setTimeout(flush, BATCH_INTERVAL_MS);
      else if (ended) settle(ended);
    };
    const finish = (end: RunEnd) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onmessageerror = null;
      worker.terminate();
      setTimeout(() => this.warmUp(), 0);
      // A refused run shows nothing more of what it sent; any other run ends after its last batch.
      if (end.kind === "refused") pending = [];
      ended = end;
      if (pending.length === 0) {
        clearTimeout(flushTimer);
        settle(end);
      } else flushTimer ??= setTimeout(flush, 0);
    };
    const refuse = (why: string) =>
      finish({ kind: "refused", message: `The run was ended because ${why}. The kernel was restarted.` });
    const timer = setTimeout(() => finish({ kind: "timeout", limitMs: timeLimitMs }), timeLimitMs);
    const meter = createRunMeter();
    worker.onmessage = (event: MessageEvent<unknown>) => {
      if (finished) return;
      const parsed = parseKernelMessage(event.data);
      if (!parsed.ok) return refuse(`the kernel sent a message this page does not accept (${parsed.problem})`);
      const message = parsed.message;
      if (message.kind === "ready") return;
      if (message.runId !== request.runId) return refuse("the kernel sent a message about another run");
      const overLimit = meter.admit(message, performance.now());
      if (overLimit) return refuse(overLimit);
      if (isFinal(message)) return finish({ kind: "finished", message });
      pending.push(message);
      flushTimer ??= setTimeout(flush, BATCH_INTERVAL_MS);
    };
    worker.onmessageerror = () => refuse("the kernel sent a message that could not be read");
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ kind: "crashed", message: String(event.message || "the kernel worker crashed").slice(0, 500) });
    };
    if (mayUseWasm(request)) {
      void loadWasmBinaries().then((files) => {
        if (finished) return;
        worker.postMessage({ kind: "wasm-binaries", files });
        worker.postMessage(request);
      });
    } else {
      worker.postMessage(request);
    }
    return { done, stop: () => finish({ kind: "stopped" }) };
  }
}
