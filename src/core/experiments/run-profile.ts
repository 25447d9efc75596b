/**
 * What a run cost: start-up (backend initialisation, the reference's first
 * step) versus steady state, per-step time percentiles, peak live tensors and
 * bytes, the top tfjs kernels, JS heap where the browser tells, and tensors
 * leaked (must be 0). The step recorder wraps the `tf` namespace handed to the
 * reference: each top-level `tf.tidy` call is one step, as in every lesson's
 * training loop. Pure apart from the injected clocks and memory probes.
 */

/** Percentiles of per-step times, in milliseconds. */
export interface StepStats {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** One tfjs kernel's share of a profiled run. */
export interface KernelCost {
  name: string;
  ms: number;
  calls: number;
}

/** The measured cost of one experiment run. Times in milliseconds, memory in bytes. */
export interface RunProfile {
  /** Backend start-up paid by this run (0 when a prewarmed spare worker had done it). */
  backendInitMs: number;
  /** The reference's first step: kernel compilation and warm-up. */
  firstStepMs: number;
  /** The reference's time after its first step. */
  steadyMs: number;
  /** Per-step times after the first step (absent when the reference used no `tf.tidy`). */
  steps?: StepStats;
  peakTensors: number;
  peakBytes: number;
  /** Top kernels by time from `tf.profile` (a second, profiled pass), when it ran. */
  topKernels?: KernelCost[];
  /** Why `topKernels` is missing, if it is. */
  kernelsNote?: string;
  /** JS heap in use after the run, where the browser exposes it. */
  jsHeapBytes?: number;
  /** Live tensors after the run minus before it: must be 0. */
  leakedTensors: number;
}

/** The q-quantile (0..1) of ascending `sorted` values, nearest rank. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Count, median, p90, p99 and max of `durations` (undefined when empty). */
export function stepStats(durations: readonly number[]): StepStats | undefined {
  if (durations.length === 0) return undefined;
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1],
  };
}

/** The `n` kernels with most total time, summed by name. */
export function topKernels(kernels: readonly { name: string; ms: number }[], n = 5): KernelCost[] {
  const byName = new Map<string, KernelCost>();
  for (const k of kernels) {
    const entry = byName.get(k.name) ?? { name: k.name, ms: 0, calls: 0 };
    entry.ms += k.ms;
    entry.calls += 1;
    byName.set(k.name, entry);
  }
  return [...byName.values()].sort((a, b) => b.ms - a.ms).slice(0, n);
}

/** Live tfjs memory as `tf.memory()` reports it. */
export type MemoryProbe = () => { numTensors: number; numBytes: number };

/** Records step boundaries and peak memory while the reference runs. */
export interface StepRecorder {
  /** A copy of `tf` whose `tidy` marks steps; everything else is the same function. */
  wrap(tf: unknown): unknown;
  /** Start times of each top-level `tidy`, and the end of the run. */
  finish(end: number): { firstStepMs: number; stepMs: number[]; peakTensors: number; peakBytes: number };
}

/**
 * A copy of `tf` whose `tidy` calls `onStep.start` before each top-level call
 * (a training step: the lessons' references run one `tidy` per step) and
 * `onStep.end` after it; nested calls are part of their step. `start` may
 * throw to end the run before that step. Without a `tidy`, `tf` itself.
 */
export function withStepHooks(tf: unknown, onStep: { start?(): void; end?(): void }): unknown {
  const ns = tf as Record<string, unknown> & { tidy?: (...args: unknown[]) => unknown };
  const tidy = ns.tidy;
  if (typeof tidy !== "function") return tf;
  let depth = 0;
  const wrapped = (...args: unknown[]) => {
    if (depth === 0) onStep.start?.();
    depth++;
    try {
      return tidy(...args);
    } finally {
      depth--;
      if (depth === 0) onStep.end?.();
    }
  };
  return { ...ns, tidy: wrapped };
}

/** A recorder that timestamps each top-level `tf.tidy` call and samples memory after it. */
export function createStepRecorder(now: () => number, memory: MemoryProbe, start: number): StepRecorder {
  const starts: number[] = [];
  let peak = memory();
  let peakTensors = peak.numTensors;
  let peakBytes = peak.numBytes;
  return {
    wrap(tf) {
      return withStepHooks(tf, {
        start: () => starts.push(now()),
        end: () => {
          peak = memory();
          peakTensors = Math.max(peakTensors, peak.numTensors);
          peakBytes = Math.max(peakBytes, peak.numBytes);
        },
      });
    },
    finish(end) {
      const bounds = [...starts, end];
      const intervals = bounds.slice(1).map((t, i) => t - bounds[i]);
      const firstStepMs = starts.length > 0 ? bounds[1] - start : end - start;
      return { firstStepMs, stepMs: intervals.slice(1), peakTensors, peakBytes };
    },
  };
}
