/**
 * Where a kernel worker runs. In the production build: inside an opaque-origin
 * sandboxed iframe (kernel-frame.html), which Chromium runs in a
 * renderer process of its own, so learner code that exhausts memory (or
 * crashes the engine) kills that frame and never the page. Measured with
 * scripts/measure-frame-isolation.mjs: the same code in a worker of the page
 * takes the tab down.
 *
 * The frame cannot fetch the app's files (its origin is "null" and the
 * service worker does not serve it), so the page hands it the kernel's
 * script, one self-contained bundle fetched from the page's own origin
 * (precached, so this works offline too). A frame that does not start within
 * FRAME_START_MS (the frame document itself could not load, e.g. offline
 * without it in the HTTP cache) is replaced by a worker of the page, which is
 * also what the dev server uses (its modules cannot be handed over as one
 * script); `isolated` says which one runs.
 *
 * WebGPU is the exception (needsPageWorker): its runs use a page worker, as does
 * a device's first, calibrating Auto run.
 *
 * A frame whose heartbeat stops while it should be running is reported as an
 * `onerror` "the kernel's process ended", like a worker error.
 */
import type { BackendChoice } from "../core/backends/backend-choice";
import kernelFrameUrl from "./kernel-frame.html?url&no-inline";
import kernelScriptUrl from "./kernel.worker.ts?worker&url";

/** What KernelClient needs of a kernel: a Worker's shape, whatever hosts it. */
export interface KernelHost {
  onmessage: ((event: { data: unknown }) => void) | null;
  onmessageerror: (() => void) | null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
  /** Whether it runs outside the page's process. */
  readonly isolated: boolean;
  /** False once it is known to have died (a spare in that state is replaced). */
  readonly alive: boolean;
}

/** How long a frame may take to say it is running before the page worker takes over. */
const FRAME_START_MS = 10_000;
/** ... or this long after its document loaded without saying so (an error page loads too). */
const AFTER_LOAD_MS = 2_000;
/** A frame silent this long (two checks in a row: the page itself may have been busy) has died. */
const SILENT_MS = 4_000;
const CHECK_EVERY_MS = 1_000;
export const PROCESS_ENDED = "the kernel's own process ran out of memory and ended; the page was not affected";

/** Once a frame has failed to start, later kernels go straight to a page worker. */
let framesUnavailable = import.meta.env.DEV;
let kernelScript: Promise<Blob> | null = null;

function loadKernelScript(): Promise<Blob> {
  kernelScript ??= fetch(kernelScriptUrl).then((response) => {
    if (!response.ok) throw new Error(`the kernel's script did not load (HTTP ${response.status})`);
    // One self-contained bundle with no import or export: it runs as a classic worker script (an
    // opaque-origin frame cannot start a module worker from a blob), strict as the module it was built as.
    return response.text().then((text) => new Blob(['"use strict";\n', text], { type: "text/javascript" }));
  });
  return kernelScript;
}

function pageWorker(): Worker {
  return new Worker(new URL("./kernel.worker.ts", import.meta.url), { type: "module", name: "kernel" });
}

/**
 * Whether a kernel for `backend` must run in a worker of the page: WebGPU needs a
 * secure context, and a worker that an opaque-origin frame starts from a blob is
 * not one (measured: no `navigator.gpu` there). So WebGPU, and an undecided Auto where
 * this browser has WebGPU (it calibrates WebGPU too), run unisolated; everything else
 * isolated. Auto is undecided only until the device has a calibration (auto-on-page.ts).
 */
function needsPageWorker(backend: BackendChoice | undefined): boolean {
  return backend === "webgpu" || (backend === "auto" && "gpu" in navigator);
}

/** Whether a kernel for `backend` runs in an isolated frame (else in a worker of the page). */
export function runsIsolated(backend: BackendChoice | undefined): boolean {
  return !framesUnavailable && !needsPageWorker(backend);
}

/** A fresh kernel for `backend` (undefined: checks, which use no tfjs), hosted as runsIsolated says. */
export function startKernelHost(backend: BackendChoice | undefined): KernelHost {
  return runsIsolated(backend) ? new FrameHost() : new PageHost();
}

/** The kernel in a worker of the page (dev server, or no frame could start). */
class PageHost implements KernelHost {
  onmessage: KernelHost["onmessage"] = null;
  onmessageerror: KernelHost["onmessageerror"] = null;
  onerror: KernelHost["onerror"] = null;
  readonly isolated = false;
  readonly alive = true;
  private readonly worker = pageWorker();

  constructor() {
    this.worker.onmessage = (event) => this.onmessage?.(event);
    this.worker.onmessageerror = () => this.onmessageerror?.();
    this.worker.onerror = (event) => this.onerror?.(event);
  }
  postMessage(message: unknown): void {
    this.worker.postMessage(message);
  }
  terminate(): void {
    this.worker.terminate();
  }
}

/** The kernel in a worker of a sandboxed frame; messages queue until the frame runs it. */
class FrameHost implements KernelHost {
  onmessage: KernelHost["onmessage"] = null;
  onmessageerror: KernelHost["onmessageerror"] = null;
  onerror: KernelHost["onerror"] = null;
  isolated = true;
  private readonly frame = document.createElement("iframe");
  private readonly channel = new MessageChannel();
  private queue: unknown[] | null = [];
  private fallback: PageHost | null = null;
  private lastBeat = performance.now();
  private silentChecks = 0;
  private ended = false;
  private dead = false;
  private readySeen = false;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];

  constructor() {
    const { frame } = this;
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("allow", "cross-origin-isolated");
    frame.setAttribute("aria-hidden", "true");
    frame.title = "kernel";
    frame.tabIndex = -1;
    // Out of sight but not display:none (Chromium throttles hidden cross-origin frames).
    Object.assign(frame.style, {
      position: "fixed",
      left: "-10px",
      top: "0",
      width: "1px",
      height: "1px",
      border: "0",
    });
    // A content-hashed file under /assets/, cached for a year: the HTTP cache still has it offline
    // (the service worker does not serve a sandboxed frame's document).
    frame.src = kernelFrameUrl;
    addEventListener("message", this.onFrameReady);
    this.channel.port1.onmessage = (event: MessageEvent<unknown>) => this.fromHost(event.data);
    // Only a frame that never said it is ready falls back; one that did is just slow (a loaded machine).
    const fallBackIfNotStarted = () => !this.readySeen && !this.ended && this.useFallback();
    this.timers.push(setTimeout(fallBackIfNotStarted, FRAME_START_MS));
    // An error page (the frame's file unreachable) loads too, but never says it is ready.
    frame.onload = () => this.timers.push(setTimeout(fallBackIfNotStarted, AFTER_LOAD_MS));
    document.body.append(frame);
  }

  /** False once the frame has died: a spare in that state is not used. */
  get alive(): boolean {
    return !this.dead;
  }

  private readonly onFrameReady = (event: MessageEvent<unknown>) => {
    if (event.source !== this.frame.contentWindow || !isReady(event.data)) return;
    removeEventListener("message", this.onFrameReady);
    this.readySeen = true;
    loadKernelScript().then(
      (script) => this.frame.contentWindow?.postMessage({ kind: "start", script }, "*", [this.channel.port2]),
      (error: Error) => this.die(error.message),
    );
  };

  private fromHost(data: unknown): void {
    if (this.ended || typeof data !== "object" || data === null) return;
    const message = data as { from?: unknown; kind?: unknown; data?: unknown; message?: unknown };
    this.lastBeat = performance.now();
    if (message.from === "kernel") return this.onmessage?.({ data: message.data });
    if (message.from !== "host") return;
    if (message.kind === "started") return this.started();
    if (message.kind === "messageerror") return this.onmessageerror?.();
    if (message.kind === "error") return this.die(String(message.message || "the kernel worker crashed"));
  }

  private started(): void {
    const queued = this.queue ?? [];
    this.queue = null;
    queued.forEach((message) => this.channel.port1.postMessage(message));
    this.timers.push(setInterval(() => this.checkHeartbeat(), CHECK_EVERY_MS));
  }

  private checkHeartbeat(): void {
    const silent = performance.now() - this.lastBeat > SILENT_MS;
    this.silentChecks = silent ? this.silentChecks + 1 : 0;
    if (this.silentChecks >= 2) this.die(PROCESS_ENDED);
  }

  private die(message: string): void {
    if (this.ended) return;
    this.dead = true;
    this.onerror?.({ message, preventDefault: () => undefined });
  }

  /** The frame did not start: run this kernel (and later ones) in a page worker instead. */
  private useFallback(): void {
    framesUnavailable = true;
    const queued = this.queue ?? [];
    this.queue = null;
    this.isolated = false;
    this.teardown();
    const fallback = new PageHost();
    fallback.onmessage = (event) => this.onmessage?.(event);
    fallback.onmessageerror = () => this.onmessageerror?.();
    fallback.onerror = (event) => this.onerror?.(event);
    queued.forEach((message) => fallback.postMessage(message));
    this.fallback = fallback;
  }

  postMessage(message: unknown): void {
    if (this.fallback) this.fallback.postMessage(message);
    else if (this.queue) this.queue.push(message);
    else this.channel.port1.postMessage(message);
  }

  terminate(): void {
    this.ended = true;
    this.teardown();
    this.fallback?.terminate();
  }

  private teardown(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    removeEventListener("message", this.onFrameReady);
    this.channel.port1.close();
    this.frame.remove();
  }
}

function isReady(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { kind?: unknown }).kind === "kernel-host-ready";
}
