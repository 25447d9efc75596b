/**
 * Runs the tfjs reference of an experiment with its cost measured (see
 * run-profile.ts): timed with step boundaries and peak memory, leaks counted,
 * then, when the run was short, once more under the kernel profiler for the
 * top kernels (that pass's result is discarded).
 */
import { createStepRecorder, stepStats, topKernels, type MemoryProbe, type RunProfile } from "./run-profile";

/** Longer references are not run a second time for the kernel profile. */
export const KERNEL_PROFILE_MAX_MS = 3000;

/** The profiling hooks the kernel provides (all optional). */
export interface ProfilerHooks {
  /** Backend initialisation this run paid for, in ms (0 when prewarmed). */
  backendInitMs?: number;
  /** Runs `pass` under `tf.profile` and returns each kernel's time. */
  profileKernels?(pass: () => Promise<unknown>): Promise<{ name: string; ms: number }[]>;
  /** JS heap bytes in use, where the browser exposes it. */
  jsHeapBytes?(): number | undefined;
}

/** Where the reference runs: its tf namespace, clocks, memory probe and hooks. */
export interface ProfileEnvironment {
  tf: unknown;
  now(): number;
  memory: MemoryProbe;
  hooks?: ProfilerHooks;
}

/**
 * Calls `run(tf)` with a step-recording `tf`; `msOf` gives the timed run's
 * wall time, or undefined when it failed (no profile then).
 */
export async function profileReference<R>(
  run: (tf: unknown) => Promise<R>,
  env: ProfileEnvironment,
  msOf: (result: R) => number | undefined,
): Promise<{ result: R; profile?: RunProfile }> {
  const before = env.memory().numTensors;
  const start = env.now();
  const recorder = createStepRecorder(env.now, env.memory, start);
  const result = await run(recorder.wrap(env.tf));
  const end = env.now();
  const leakedTensors = env.memory().numTensors - before;
  const ms = msOf(result);
  if (ms === undefined) return { result };
  const steps = recorder.finish(end);
  const kernels = await kernelProfile(() => run(env.tf), ms, env.hooks);
  const profile: RunProfile = {
    backendInitMs: env.hooks?.backendInitMs ?? 0,
    firstStepMs: steps.firstStepMs,
    steadyMs: Math.max(0, end - start - steps.firstStepMs),
    steps: stepStats(steps.stepMs),
    peakTensors: steps.peakTensors,
    peakBytes: steps.peakBytes,
    ...kernels,
    jsHeapBytes: env.hooks?.jsHeapBytes?.(),
    leakedTensors,
  };
  return { result, profile };
}

async function kernelProfile(
  pass: () => Promise<unknown>,
  ms: number,
  hooks: ProfilerHooks | undefined,
): Promise<Pick<RunProfile, "topKernels" | "kernelsNote">> {
  if (!hooks?.profileKernels) return { kernelsNote: "no kernel profiler in this environment" };
  if (ms > KERNEL_PROFILE_MAX_MS)
    return { kernelsNote: `not profiled: the run took over ${KERNEL_PROFILE_MAX_MS / 1000} s` };
  try {
    return { topKernels: topKernels(await hooks.profileKernels(pass)) };
  } catch (error) {
    return { kernelsNote: `kernel profile failed: ${(error as Error).message}` };
  }
}
