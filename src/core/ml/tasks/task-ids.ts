/** Ids of the experiment tasks (see registry.ts); the lesson parser validates `task:` against these. */
export const EXPERIMENT_TASK_IDS = ["linear-regression"] as const;
