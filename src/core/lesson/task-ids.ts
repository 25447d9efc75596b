/**
 * Ids of the experiment tasks, owned by the lesson format: the parser validates
 * `task:` against these, and src/core/experiments/registry.ts defines a task
 * for each (a test there checks the two lists agree).
 */
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
