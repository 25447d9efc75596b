import { describe, expect, it } from "vitest";
import { KERNEL_PROFILE_MAX_STEPS, profileReference } from "./profiled-reference";

/** A fake tf whose `tidy` is one training step that runs one "MatMul" kernel and keeps one tensor alive. */
function fakeTf() {
  let live = 0;
  const kernels: string[] = [];
  const tf = {
    tidy: <T>(fn: () => T): T => {
      kernels.push("MatMul");
      return fn();
    },
  };
  return {
    tf,
    kernels,
    memory: () => ({ numTensors: live, numBytes: live * 4 }),
    addTensor: () => void live++,
  };
}

/** A reference that trains for `steps` steps, each a top-level tidy, and returns its step count. */
const training = (steps: number) => async (tf: unknown) => {
  let done = 0;
  for (let i = 0; i < steps; i++) (tf as { tidy(fn: () => void): void }).tidy(() => void done++);
  return done;
};

describe("profileReference", () => {
  it("profiles at most KERNEL_PROFILE_MAX_STEPS steps of a long run and says so; the timed run is whole", async () => {
    const fake = fakeTf();
    let clock = 0;
    const { result, profile } = await profileReference(
      training(1000),
      {
        tf: fake.tf,
        now: () => clock++,
        memory: fake.memory,
        hooks: {
          profileKernels: async (pass) => {
            fake.kernels.length = 0;
            await pass();
            return fake.kernels.map((name) => ({ name, ms: 0.01 }));
          },
        },
      },
      () => 100,
    );
    expect(result).toBe(1000);
    expect(profile?.steps?.count).toBe(999);
    expect(profile?.topKernels).toEqual([{ name: "MatMul", ms: expect.any(Number), calls: KERNEL_PROFILE_MAX_STEPS }]);
    expect(profile?.kernelsNote).toBe(`profiled over the first ${KERNEL_PROFILE_MAX_STEPS} of 1000 steps`);
  });

  it("profiles a short run whole, without a note", async () => {
    const fake = fakeTf();
    const { profile } = await profileReference(
      training(50),
      {
        tf: fake.tf,
        now: () => 0,
        memory: fake.memory,
        hooks: { profileKernels: async (pass) => (await pass(), [{ name: "MatMul", ms: 1 }]) },
      },
      () => 10,
    );
    expect(profile?.topKernels?.[0].name).toBe("MatMul");
    expect(profile?.kernelsNote).toBeUndefined();
  });

  it("reports memory right after the timed run, whatever the profiled pass leaves behind", async () => {
    const fake = fakeTf();
    let pass = 0;
    const { memoryAfter, profile } = await profileReference(
      async () => {
        if (++pass === 2) fake.addTensor(); // the profiled pass, stopped early, leaves a tensor
        return 1;
      },
      { tf: fake.tf, now: () => 0, memory: fake.memory, hooks: { profileKernels: async (p) => (await p(), []) } },
      () => 1,
    );
    expect(memoryAfter.numTensors).toBe(0);
    expect(profile?.leakedTensors).toBe(0);
    expect(fake.memory().numTensors).toBe(1);
  });

  it("passes on an error of the reference itself", async () => {
    const fake = fakeTf();
    let pass = 0;
    const { profile } = await profileReference(
      async () => {
        if (++pass === 2) throw new Error("boom");
        return 1;
      },
      { tf: fake.tf, now: () => 0, memory: fake.memory, hooks: { profileKernels: async (p) => (await p(), []) } },
      () => 1,
    );
    expect(profile?.kernelsNote).toBe("kernel profile failed: boom");
  });
});
