/**
 * Checks an experiment's `params` against its task in the registry
 * (src/core/experiments/registry.ts): the parser knows task ids, not what each
 * task needs, and a missing hyper-parameter would otherwise train on NaN. Pure.
 */
import { findTask } from "./registry";
import type { Diagnostic, Lesson } from "../lesson/types";

/** An error at each experiment that lacks a param its task requires. */
export function missingParamDiagnostics(lesson: Lesson): Diagnostic[] {
  return lesson.experiments.flatMap((experiment) => {
    const task = findTask(experiment.spec.task);
    const missing = task?.requiredParams.filter((name) => typeof experiment.spec.params[name] !== "number") ?? [];
    if (!task || missing.length === 0) return [];
    const message = `experiment '${experiment.id}': task '${task.id}' needs params ${task.requiredParams.join(", ")}; missing: ${missing.join(", ")} (e.g. params: { ${missing.map((name) => `${name}: ...`).join(", ")} })`;
    return [{ line: experiment.line, severity: "error" as const, message }];
  });
}
