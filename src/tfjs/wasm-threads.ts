/**
 * How many threads the WASM backend computes with, chosen per run. tfjs fixes
 * the count when the backend starts; this swaps XNNPACK's thread pool for one
 * of another size afterwards (tfjs's `initWithThreadsCount` creates a new
 * pool, and every later kernel runs on it). Threads pay off only for large
 * operations: on a 2-core machine two threads ran matMul 512 1.85x faster and
 * a gradient-descent step on 100,000 x 20 2x faster, but made steps on
 * 1,000 x 20 or less twice as slow (waking the other thread costs more than
 * the work); the lessons' experiments are mostly that small. Each kernel
 * worker serves one run, so a pool replaced here is discarded with it.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/** Threads WASM may use here: every core (tfjs's own limit is 8), or 1 without cross-origin isolation. */
export function wasmThreadsAvailable(): number {
  if (!self.crossOriginIsolated) return 1;
  return Math.min(8, Math.max(1, self.navigator.hardwareConcurrency ?? 1));
}

/** The active WASM module's own functions (tfjs's `getThreadsCount()` keeps the count it started with). */
function wasmModule() {
  if (tf.getBackend() !== "wasm") throw new Error(`WASM threads asked for while the ${tf.getBackend()} backend runs`);
  return (tf.backend() as BackendWasm).wasm.tfjs;
}

/** The threads the active WASM backend computes with now. */
export function wasmThreadsInUse(): number {
  return wasmModule().getThreadsCount();
}

/** `report` with WASM switched to `count` threads, and the count it got; another backend's report as it is. */
export function withWasmThreads<R extends { used: string; threads?: number }>(report: R, count: number): R {
  return report.used === "wasm" ? { ...report, threads: useWasmThreads(count) } : report;
}

/** Makes the active WASM backend compute with `count` threads (capped as above); returns the count it got. */
export function useWasmThreads(count: number): number {
  const module = wasmModule();
  const wanted = Math.min(Math.max(1, Math.round(count)), wasmThreadsAvailable());
  if (module.getThreadsCount() !== wanted) module.initWithThreadsCount(wanted);
  return module.getThreadsCount();
}
