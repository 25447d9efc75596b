/**
 * Main-thread side of the kernel. Each run gets a fresh worker (a clean state);
 * one spare worker is kept warm so a run does not wait for start-up. A run that
 * exceeds its time limit, or is stopped, terminates its worker: nothing learner
 * code does can block the page.
 *
 * Nothing the worker posts is trusted: every message is validated against a
 * strict schema (core/protocol/message-schema.ts) and counted against the
 * run's caps (core/protocol/run-limits.ts); an invalid message or a cap reached ends the run with a
 * notice. Streamed outputs reach `onMessage` in batches, at most one batch per
 * BATCH_INTERVAL_MS, so the page renders them once per batch, not per line.
 */
import type { BackendChoice } from "../core/backends/backend-choice";
import { isFinalMessage } from "../core/protocol/guards";
import { parseKernelMessage } from "../core/protocol/message-schema";
import type { KernelFinalMessage, KernelMessage, KernelRequest, KernelRequestKind } from "../core/protocol/protocol";
import { createRunMeter } from "../core/protocol/run-limits";
import { loadWasmBinaries } from "../tfjs/wasm-files";
import { spareBackendFor, withAutoDecided } from "./auto-on-page";
import { rememberCalibration } from "./calibration-cache";
import { runsIsolated, startKernelHost, type KernelHost } from "./kernel-host";
import type { PrewarmMessage } from "./prewarm";

/** How a run of kind K ended: with its final message (its reply, or `failed`), or without one. */
export type RunEnd<K extends KernelRequestKind = KernelRequestKind> =
  | { kind: "finished"; message: KernelFinalMessage<K> }
  | { kind: "timeout"; limitMs: number }
  | { kind: "stopped" }
  | { kind: "crashed"; message: string }
  /** The page ended the run: the kernel sent an invalid message or exceeded a cap. `message` is for the learner. */
  | { kind: "refused"; message: string };

/** A run in progress: how it will end, and a way to stop it. */
export interface RunHandle<K extends KernelRequestKind = KernelRequestKind> {
  done: Promise<RunEnd<K>>;
  stop(): void;
}

/** Streamed messages are handed on at most this often, at most this many (and one plot) at a time. */
const BATCH_INTERVAL_MS = 50;
const BATCH_MAX_MESSAGES = 250;

/**
 * A fresh worker; with a backend, it initialises that backend ahead of its request.
 * The .wasm bytes go first (the kernel cannot fetch), then the prewarm message.
 */
function spawnKernel(backend?: BackendChoice): KernelHost {
  const worker = startKernelHost(backend);
  if (!backend) return worker;
  const prewarm = () => worker.postMessage({ kind: "prewarm", backend } satisfies PrewarmMessage);
  if (backend === "cpu") prewarm();
  else
    void loadWasmBinaries().then((files) => {
      sendWasmBinaries(worker, files);
      prewarm();
    });
  return worker;
}

/** Workers that already hold the .wasm bytes. */
const hasWasmBinaries = new WeakSet<KernelHost>();

function sendWasmBinaries(worker: KernelHost, files: Awaited<ReturnType<typeof loadWasmBinaries>>): void {
  if (hasWasmBinaries.has(worker)) return;
  hasWasmBinaries.add(worker);
  worker.postMessage({ kind: "wasm-binaries", files });
}

/** Whether a request may start the WASM backend, which needs the binaries from the page. */
function mayUseWasm(request: KernelRequest): boolean {
  return request.kind !== "run-checks" && request.backend !== "cpu";
}

/** The reply kind each request kind must end with (besides `failed`). */
const REPLY_KIND = {
  "run-checks": "checks-done",
  "run-experiment": "experiment-done",
  "run-benchmark": "benchmark-done",
} as const satisfies Record<KernelRequestKind, KernelFinalMessage["kind"]>;

/**
 * Hands streamed messages on in batches: at most BATCH_MAX_MESSAGES (and one
 * plot) at a time, the next batch BATCH_INTERVAL_MS later, so the page renders
 * between batches. `end` settles the run after its last batch; a refused run
 * shows nothing more of what it sent.
 */
function createBatcher<E extends { kind: string }>(
  onMessage: (message: KernelMessage) => void,
  settle: (end: E) => void,
) {
  let pending: KernelMessage[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended: E | null = null;
  const flush = () => {
    timer = undefined;
    let size = 0;
    let plots = 0;
    while (size < pending.length && size < BATCH_MAX_MESSAGES) {
      if (pending[size].kind === "plot" && ++plots > 1 && size > 0) break;
      size += 1;
    }
    pending.splice(0, size).forEach(onMessage);
    if (pending.length > 0) timer = setTimeout(flush, BATCH_INTERVAL_MS);
    else if (ended) settle(ended);
  };
  return {
    push(message: KernelMessage): void {
      pending.push(message);
      timer ??= setTimeout(flush, BATCH_INTERVAL_MS);
    },
    end(end: E): void {
      if (end.kind === "refused") pending = [];
      ended = end;
      if (pending.length > 0) {
        timer ??= setTimeout(flush, 0);
        return;
      }
      clearTimeout(timer);
      settle(end);
    },
  };
}

export class KernelClient {
  private spare: KernelHost | null = null;
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
    this.spare = spawnKernel(spareBackendFor(this.expectedBackend));
    this.spareBackend = this.expectedBackend;
  }

  /**
   * Sends one request to a fresh worker; `onMessage` receives outputs and errors,
   * in batches, as they stream. The run ends with the reply to the request's
   * kind (e.g. `checks-done` for `run-checks`) or `failed`.
   */
  run<R extends KernelRequest>(
    request: R,
    timeLimitMs: number,
    onMessage: (message: KernelMessage) => void,
  ): RunHandle<R["kind"]> {
    let settle: (end: RunEnd<R["kind"]>) => void = () => undefined;
    const done = new Promise<RunEnd<R["kind"]>>((resolve) => (settle = resolve));
    const batches = createBatcher(onMessage, settle);
    let worker: KernelHost | null = null;
    let finished = false;
    const finish = (end: RunEnd<R["kind"]>) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (worker) {
        worker.onmessage = null;
        worker.onmessageerror = null;
        worker.terminate();
      }
      setTimeout(() => this.warmUp(), 0);
      batches.end(end);
    };
    const timer = setTimeout(() => finish({ kind: "timeout", limitMs: timeLimitMs }), timeLimitMs);
    // Auto is decided first where it can be: the decision says where the run is hosted (auto-on-page.ts).
    // Should deciding fail, the kernel decides, as it does without a calibration.
    const deciding = withAutoDecided(request).catch(() => request);
    void deciding.then((decided) => {
      if (finished) return;
      const kernel = this.kernelFor(decided);
      worker = kernel;
      this.listen(kernel, decided, finish, (message) => batches.push(message));
      const send = () => kernel.postMessage(decided);
      if (!mayUseWasm(decided)) send();
      else
        void loadWasmBinaries().then((files) => {
          if (finished) return;
          sendWasmBinaries(kernel, files);
          send();
        });
    });
    return { done, stop: () => finish({ kind: "stopped" }) };
  }

  /** The spare when it is alive and hosted where this request must run (kernel-host.ts), else a fresh kernel. */
  private kernelFor(request: KernelRequest): KernelHost {
    const backend = request.kind === "run-checks" ? undefined : request.backend;
    const spare = this.spare;
    this.spare = null;
    const usable = spare?.alive && spare.isolated === runsIsolated(backend);
    if (spare && !usable) spare.terminate();
    return usable ? spare : spawnKernel(backend);
  }

  /** Validates and meters what `worker` sends for `request`, streams the rest; its reply or a failure ends the run. */
  private listen<R extends KernelRequest>(
    worker: KernelHost,
    request: R,
    finish: (end: RunEnd<R["kind"]>) => void,
    stream: (message: KernelMessage) => void,
  ): void {
    const refuse = (why: string) =>
      finish({ kind: "refused", message: `The run was ended because ${why}. The kernel was restarted.` });
    const meter = createRunMeter();
    worker.onmessage = (event) => {
      const parsed = parseKernelMessage(event.data);
      if (!parsed.ok) return refuse(`the kernel sent a message this page does not accept (${parsed.problem})`);
      const message = parsed.message;
      if (message.kind === "ready") return;
      if (message.runId !== request.runId) return refuse("the kernel sent a message about another run");
      const overLimit = meter.admit(message, performance.now());
      if (overLimit) return refuse(overLimit);
      if (!isFinalMessage(message)) return stream(message);
      if (message.kind !== "failed" && message.kind !== REPLY_KIND[request.kind])
        return refuse(`the kernel answered a ${request.kind} request with ${message.kind}`);
      rememberCalibration(message);
      finish({ kind: "finished", message: message as KernelFinalMessage<R["kind"]> });
    };
    worker.onmessageerror = () => refuse("the kernel sent a message that could not be read");
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ kind: "crashed", message: String(event.message || "the kernel worker crashed").slice(0, 500) });
    };
  }
}
