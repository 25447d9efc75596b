/**
 * Chooses and initialises the tfjs backend inside the kernel worker:
 * Auto tries WebGPU, then WASM, then CPU, and reports why any was skipped.
 * This folder and the worker are the only importers of @tensorflow/*.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgpu";
import { setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { BackendChoice, BackendName, BackendReport } from "../core/backends/backend-choice";
import { tfNamespace, type TfNamespace } from "./tf-namespace";
import { wasmThreadsInUse } from "./wasm-threads";
import { webGpuAdapter } from "./webgpu-adapter";
import { providedWasmBinaries, WASM_FILE_URLS, type WasmBinaries, type WasmFileName } from "./wasm-files";

/** How long one backend may take to initialise before we fall back. */
const INIT_TIMEOUT_MS = 15_000;

type Attempt = { ok: true; adapter?: BackendReport["adapter"] } | { ok: false; reason: string };

/**
 * Initialises the requested backend, falling back to the next one. "auto"
 * without a measured decision (see core/backends/auto-choice.ts, which the
 * kernel applies before calling this) means WASM then CPU: WebGPU is only
 * chosen by measurement, never blindly, since the adapter may be software.
 * The WASM backend is given `wasmBinaries` (by default those the page posted,
 * see wasm-files.ts) instead of fetching them.
 */
export async function selectBackend(
  choice: BackendChoice,
  wasmBinaries: WasmBinaries = providedWasmBinaries(),
): Promise<{ tf: TfNamespace; report: BackendReport }> {
  const order: BackendName[] = choice === "auto" ? ["wasm", "cpu"] : [choice, ...fallbacksAfter(choice)];
  const skipped: BackendReport["skipped"] = [];
  let adapter: BackendReport["adapter"];
  for (const backend of order) {
    const attempt = await withTimeout(
      tryBackend(backend, wasmBinaries),
      INIT_TIMEOUT_MS,
      `${backend} took over ${INIT_TIMEOUT_MS / 1000} s to start`,
    );
    if (attempt.ok) {
      adapter = attempt.adapter ?? adapter;
      const threads = backend === "wasm" ? wasmThreadsInUse() : undefined;
      return {
        tf: tfNamespace,
        report: {
          requested: choice,
          used: backend,
          skipped,
          threads,
          adapter,
          tfjsVersion: tf.version_core,
          kernelHost: kernelHost(),
        },
      };
    }
    skipped.push({ backend, reason: attempt.reason });
  }
  throw new Error("No tfjs backend could start, not even CPU");
}

/**
 * Where this kernel runs, seen from inside: a worker of the sandboxed frame has the frame's opaque
 * origin ("null"); a worker of the page has the page's. Undefined outside a browser (the CLI checker).
 */
function kernelHost(): BackendReport["kernelHost"] {
  if (typeof self === "undefined" || typeof self.origin !== "string") return undefined;
  return self.origin === "null" ? "frame" : "page";
}

function fallbacksAfter(choice: BackendName): BackendName[] {
  return choice === "webgpu" ? ["wasm", "cpu"] : choice === "wasm" ? ["cpu"] : [];
}

async function tryBackend(backend: BackendName, wasmBinaries: WasmBinaries): Promise<Attempt> {
  try {
    if (backend === "webgpu") return await tryWebGpu();
    if (backend === "wasm") {
      // One thread to start: most runs are small, and a large one asks for every core (wasm-threads.ts).
      setThreadsCount(1);
      serveWasmFromMemory(wasmBinaries);
    }
    const start = async () => (await tf.setBackend(backend)) && (await tf.ready(), true);
    const ok = backend === "wasm" && self.crossOriginIsolated ? await withWasmCoreCapLifted(start) : await start();
    return ok ? { ok: true } : { ok: false, reason: `tfjs could not initialise the ${backend} backend` };
  } catch (error) {
    return { ok: false, reason: `${backend} failed to start: ${(error as Error).message}` };
  }
}

/**
 * tfjs-backend-wasm 4.22 caps its thread pool at half of `navigator.hardwareConcurrency` (its backend.cc
 * assumes two hyper-threads per core) and silently lowers a larger `setThreadsCount` to that cap (tfjs
 * issue #8513): on a 2-core machine, 1 thread. The wasm module reads the cap once, as it starts. While it
 * starts, this worker's navigator reports twice its cores, so the cap becomes every core and the count
 * asked for decides (wasm-threads.ts). Nothing else runs in the worker meanwhile, and the thread count a
 * run reports is the module's own (`wasmThreadsInUse`), so it stays true.
 */
async function withWasmCoreCapLifted<T>(start: () => Promise<T>): Promise<T> {
  const nav = self.navigator;
  Object.defineProperty(nav, "hardwareConcurrency", { value: 2 * (nav.hardwareConcurrency ?? 1), configurable: true });
  try {
    return await start();
  } finally {
    // The own property shadowed the prototype's getter; deleting it restores the real count.
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/**
 * Points tfjs at the binaries by URL, and makes tfjs's platform `fetch` (the
 * only way tfjs loads them when asked to use it) answer from `binaries`: the
 * kernel has no network (`connect-src 'none'`), and any other URL is refused.
 * tfjs's HTTP model loaders use the same platform fetch, so they are refused too.
 */
const WASM_KEY_BASE = "https://kernel.invalid/";

function serveWasmFromMemory(binaries: WasmBinaries): void {
  const byUrl = new Map<string, ArrayBuffer>();
  const paths = {} as Record<WasmFileName, string>;
  for (const [name, url] of Object.entries(WASM_FILE_URLS) as [WasmFileName, string][]) {
    // Only a key for the fetch below: the kernel's own location may be a blob: URL (kernel-host.ts), no base for paths.
    paths[name] = new URL(url, WASM_KEY_BASE).href;
    const bytes = binaries[name];
    if (bytes) byUrl.set(paths[name], bytes);
  }
  setWasmPaths(paths, true);
  tf.env().platform.fetch = async (path: string) => {
    const bytes = byUrl.get(String(path));
    if (!bytes) throw new Error(`the kernel has no network; ${String(path)} was not provided by the page`);
    return new Response(bytes.slice(0), { headers: { "Content-Type": "application/wasm" } });
  };
}

async function tryWebGpu(): Promise<Attempt> {
  if (!(self.navigator as { gpu?: unknown }).gpu)
    return { ok: false, reason: "this browser has no WebGPU (navigator.gpu is missing)" };
  const adapter = await webGpuAdapter();
  if (!adapter) return { ok: false, reason: "no WebGPU adapter is available (requestAdapter returned null)" };
  const ok = await tf.setBackend("webgpu");
  await tf.ready();
  return ok ? { ok: true, adapter } : { ok: false, reason: "tfjs could not initialise WebGPU on this adapter" };
}

function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T | { ok: false; reason: string }> {
  return Promise.race([
    promise,
    new Promise<{ ok: false; reason: string }>((resolve) => setTimeout(() => resolve({ ok: false, reason }), ms)),
  ]);
}

/** Live tensor count and bytes, for the cost shown with each run. */
export function tfMemory(): { numTensors: number; numBytes: number } {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}
