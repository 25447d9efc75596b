/** Where a run's kernel ran, for the learner: what the isolation means rather than how it is built. */
export const KERNEL_HOST_LABELS = {
  frame: "ran in a sandboxed frame (its own process)",
  page: "ran in a worker of this page",
} as const;
