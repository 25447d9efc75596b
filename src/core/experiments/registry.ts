/**
 * Every experiment task the lesson format knows. To add one: write
 * `<name>-experiment.ts` exporting an ExperimentTaskDefinition, add its id to
 * EXPERIMENT_TASK_IDS in src/core/lesson/task-ids.ts and the definition to
 * TASKS below.
 */
import { linearRegressionTask } from "./linear-regression-experiment";
import { linearRegressionNormalizedTask } from "./linear-regression-normalized-experiment";
import { logisticRegressionTask } from "./logistic-regression-experiment";
import { regularizedLogisticRegressionTask } from "./regularized-logistic-regression-experiment";
import { kmeansTask } from "./kmeans-experiment";
import { svmTask } from "./svm-experiment";
import { collaborativeFilteringTask } from "./collaborative-filtering-experiment";
import { optimizersTask } from "./optimizers-experiment";
import { oneVsAllTask } from "./one-vs-all-experiment";
import { neuralNetworkTask } from "./neural-network-experiment";
import { regularizedLinearRegressionTask } from "./regularized-linear-regression-experiment";
import { predictAndScoreTask, trainByStepsTask } from "./lesson-defined-experiment";
import type { ExperimentTaskDefinition } from "./task-types";

const TASKS: readonly ExperimentTaskDefinition[] = [
  linearRegressionTask,
  linearRegressionNormalizedTask,
  logisticRegressionTask,
  regularizedLogisticRegressionTask,
  kmeansTask,
  svmTask,
  collaborativeFilteringTask,
  optimizersTask,
  oneVsAllTask,
  neuralNetworkTask,
  regularizedLinearRegressionTask,
  predictAndScoreTask,
  trainByStepsTask,
];

/** The task of an id, or undefined. */
export function findTask(id: string): ExperimentTaskDefinition | undefined {
  return TASKS.find((task) => task.id === id);
}

/** Every task, in the order `lessons:check --tasks` lists them. */
export function allTasks(): readonly ExperimentTaskDefinition[] {
  return TASKS;
}
