/**
 * Every experiment task the lesson format knows. To add one: write
 * `<name>-experiment.ts` exporting an ExperimentTaskDefinition, add its id to
 * EXPERIMENT_TASK_IDS in task-ids.ts and the definition to TASKS below.
 */
import { linearRegressionTask } from "./linear-regression-experiment";
import type { ExperimentTaskDefinition } from "./task-types";

const TASKS: readonly ExperimentTaskDefinition[] = [linearRegressionTask];

/** The task of an id, or undefined. */
export function findTask(id: string): ExperimentTaskDefinition | undefined {
  return TASKS.find((task) => task.id === id);
}

export function allTasks(): readonly ExperimentTaskDefinition[] {
  return TASKS;
}
