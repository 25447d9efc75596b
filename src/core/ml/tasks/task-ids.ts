/** Ids of the experiment tasks (see registry.ts); the lesson parser validates `task:` against these. */
export const EXPERIMENT_TASK_IDS = [
  "linear-regression",
  "linear-regression-normalized",
  "logistic-regression",
  "regularized-logistic-regression",
  "kmeans",
  "svm",
  "collaborative-filtering",
  "optimizers",
  "one-vs-all",
  "neural-network",
  "regularized-linear-regression",
] as const;
