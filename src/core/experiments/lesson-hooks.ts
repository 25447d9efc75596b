/**
 * Finds the setup exports a lesson-defined experiment names (`prepare`,
 * `predict`) in an evaluated lesson. Pure: reads the evaluator's exports.
 */
import type { Evaluator } from "../evaluation/evaluate";
import type { LessonPayload } from "../evaluation/types";
import type { ExperimentSpec } from "../lesson/types";
import type { LessonHooks } from "./task-types";

/** The functions named by the spec, from the last setup cell that exports each; missing ones are left out. */
export function lessonHooks(evaluator: Evaluator, input: { lesson: LessonPayload; spec: ExperimentSpec }): LessonHooks {
  const find = (name: string | undefined) => {
    if (!name) return undefined;
    const found = input.lesson.setup
      .map((cell) => evaluator.exportsOf(cell.id)?.[name])
      .filter((value) => typeof value === "function");
    return found.at(-1) as ((...args: never[]) => unknown) | undefined;
  };
  return {
    prepare: find(input.spec.prepare) as LessonHooks["prepare"],
    predict: find(input.spec.predict) as LessonHooks["predict"],
  };
}
