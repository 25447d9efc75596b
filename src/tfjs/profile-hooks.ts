/** The kernel profiler and JS heap probe of a run's cost profile (core/experiments/profiled-reference.ts). */
import * as tf from "@tensorflow/tfjs-core";

/**
 * Runs `pass` under `tf.profile` and returns each kernel's time (0 where the backend could not time
 * it). The pass's tensors are disposed afterwards (an engine scope): a pass stopped between steps
 * leaves the ones its own clean-up would have disposed.
 */
export async function profileKernels(pass: () => Promise<unknown>): Promise<{ name: string; ms: number }[]> {
  tf.engine().startScope();
  try {
    const info = await tf.profile(async () => {
      await pass();
    });
    return info.kernels.map((k) => ({ name: k.name, ms: typeof k.kernelTimeMs === "number" ? k.kernelTimeMs : 0 }));
  } finally {
    tf.engine().endScope();
  }
}

/** JS heap in use (Chromium's non-standard `performance.memory`, where a worker has it), else undefined. */
export function jsHeapBytes(): number | undefined {
  const memory = (performance as { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === "number" ? memory.usedJSHeapSize : undefined;
}
