/**
 * Runs the tfjs reference of an experiment with its cost measured (see
 * run-profile.ts): timed with step boundaries and peak memory, leaks counted,
 * then, when the run was short, once more under the kernel profiler for the
 * top kernels (that pass's result is discarded). The profiled pass stops
 * after KERNEL_PROFILE_MAX_STEPS steps: a training loop repeats the same
 * kernels every step, so its first steps rank them as well as all of them
 * would, and the learner waits for a fraction of a second run, not all of it.
 */
import {
  createStepRecorder,
  stepStats,
  topKernels,
  withStepHooks,
  type MemoryProbe,
  type RunProfile,
} from "./run-profile";

/** Longer references are not run a second time for the kernel profile. */
export const KERNEL_PROFILE_MAX_MS = 3000;
/** Steps (top-level `tf.tidy` calls) the profiled pass runs at most. */
export const KERNEL_PROFILE_MAX_STEPS = 200;

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
 * wall time, or undefined when it failed (no profile then). `memoryAfter` is
 * tf's memory right after the timed run (the profiled pass may leave more).
 */
export async function profileReference<R>(
  run: (tf: unknown) => Promise<R>,
  env: ProfileEnvironment,
  msOf: (result: R) => number | undefined,
): Promise<{ result: R; profile?: RunProfile; memoryAfter: ReturnType<MemoryProbe> }> {
  const before = env.memory().numTensors;
  const start = env.now();
  const recorder = createStepRecorder(env.now, env.memory, start);
  const result = await run(recorder.wrap(env.tf));
  const end = env.now();
  const memoryAfter = env.memory();
  const leakedTensors = memoryAfter.numTensors - before;
  const ms = msOf(result);
  if (ms === undefined) return { result, memoryAfter };
  const steps = recorder.finish(end);
  const kernels = await kernelProfile(run, env.tf, ms, env.hooks, steps.stepMs.length + 1);
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
  return { result, profile, memoryAfter };
}

async function kernelProfile(
  run: (tf: unknown) => Promise<unknown>,
  tf: unknown,
  ms: number,
  hooks: ProfilerHooks | undefined,
  steps: number,
): Promise<Pick<RunProfile, "topKernels" | "kernelsNote">> {
  if (!hooks?.profileKernels) return { kernelsNote: "no kernel profiler in this environment" };
  if (ms > KERNEL_PROFILE_MAX_MS)
    return { kernelsNote: `not profiled: the run took over ${KERNEL_PROFILE_MAX_MS / 1000} s` };
  const limited = stopAfterSteps(tf, KERNEL_PROFILE_MAX_STEPS);
  try {
    const kernels = await hooks.profileKernels(async () => {
      try {
        await run(limited.tf);
      } catch (error) {
        if (error !== limited.stop) throw error;
      }
    });
    const note = limited.stopped() ? { kernelsNote: `profiled over the first ${limited.limit} of ${steps} steps` } : {};
    return { topKernels: topKernels(kernels), ...note };
  } catch (error) {
    return { kernelsNote: `kernel profile failed: ${(error as Error).message}` };
  }
}

/**
 * `tf` that throws `stop` when step `limit + 1` begins (before it runs anything), so a pass ends
 * cleanly between steps. The pass's tensors are disposed by the profiler hook (profile-hooks.ts).
 */
function stopAfterSteps(tf: unknown, limit: number) {
  const stop = new Error("kernel profile: step limit reached");
  let started = 0;
  let stopped = false;
  const limited = withStepHooks(tf, {
    start: () => {
      if (++started <= limit) return;
      stopped = true;
      throw stop;
    },
  });
  return { tf: limited, stop, limit, stopped: () => stopped };
}
