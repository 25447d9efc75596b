/**
 * The tfjs-backend-wasm binaries and how the kernel gets them without a
 * network. The kernel worker is served with `connect-src 'none'`, so it cannot
 * fetch; the page fetches the binaries (from the service worker's precache
 * when offline) and posts them to each worker that may start the WASM backend.
 * Importing this file loads no tfjs code: `?url` imports are plain strings.
 */
import wasmPlainUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";

/** tfjs's own names of its binaries -> their URLs in this build. */
export const WASM_FILE_URLS = {
  "tfjs-backend-wasm.wasm": wasmPlainUrl,
  "tfjs-backend-wasm-simd.wasm": wasmSimdUrl,
  "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedSimdUrl,
} as const;

export type WasmFileName = keyof typeof WASM_FILE_URLS;

/** The binaries' bytes by file name, as posted to the kernel before its request. */
export type WasmBinaries = Partial<Record<WasmFileName, ArrayBuffer>>;

/** The message that carries them: always the first one a kernel receives, when sent. */
export interface WasmBinariesMessage {
  kind: "wasm-binaries";
  files: WasmBinaries;
}

export function isWasmBinariesMessage(value: unknown): value is WasmBinariesMessage {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "wasm-binaries" &&
    typeof (value as { files?: unknown }).files === "object"
  );
}

/** In the kernel worker: the binaries the page posted (see selectBackend). */
let provided: WasmBinaries = {};

/** Kernel worker: keeps the posted binaries for any later WASM start (prewarm, calibration, a run). */
export function provideWasmBinaries(files: WasmBinaries): void {
  provided = files;
}

/** Kernel worker: the binaries the page posted, or none yet. */
export function providedWasmBinaries(): WasmBinaries {
  return provided;
}

let loading: Promise<WasmBinaries> | null = null;

/** Fetches the three binaries once per page (about 1.2 MB); a file that fails is left out. Main thread only. */
export function loadWasmBinaries(): Promise<WasmBinaries> {
  loading ??= Promise.all(
    Object.entries(WASM_FILE_URLS).map(async ([name, url]) => {
      try {
        const response = await fetch(url);
        return response.ok ? ([name, await response.arrayBuffer()] as const) : null;
      } catch {
        return null;
      }
    }),
  ).then((entries) => {
    const files = Object.fromEntries(entries.filter((entry) => entry !== null)) as WasmBinaries;
    // A failed fetch (offline before the first visit finished caching) may succeed next time.
    if (Object.keys(files).length < 3) loading = null;
    return files;
  });
  return loading;
}
