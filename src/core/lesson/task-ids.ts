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
  "predict-and-score",
  "train-by-steps",
] as const;

/**
 * Tasks defined by the lesson file alone (no TypeScript under src/): the
 * lesson names a `metric` and, optionally, setup exports that prepare the data
 * (`prepare`) and, for train-by-steps, turn parameters into predictions (`predict`).
 */
export const LESSON_DEFINED_TASK_IDS = ["predict-and-score", "train-by-steps"] as const;

/** Metrics the shared harness computes for lesson-defined tasks, in float64. */
export const LESSON_METRICS = ["accuracy", "mse"] as const;
