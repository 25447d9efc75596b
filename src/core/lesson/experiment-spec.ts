/**
 * The YAML body of an `experiment` cell: what to compare (dataset, split,
 * seeds, parameters, the learner's function and the tfjs reference).
 */
import { z } from "zod";
import { pushError } from "./diagnostics";
import { DATASET_REF_RULE, parseDatasetRef } from "./dataset-ref";
import { controlsOk, controlsSchema, warnUnknownControlKeys } from "./experiment-controls";
import { isPlainObject, warnUnknownKeys } from "./object-keys";
import { LESSON_DEFINED_TASK_IDS, LESSON_METRICS } from "./task-ids";
import { EXPERIMENT_TASKS, type Diagnostic, type ExperimentSpec } from "./types";
import { parseYamlAt } from "./yaml-source";
import { reportZodIssues } from "./zod-messages";

/** Fields an experiment body may have. */
export const EXPERIMENT_FIELDS = [
  "title",
  "task",
  "dataset",
  "split",
  "seed",
  "init",
  "params",
  "learner",
  "reference",
  "metric",
  "prepare",
  "predict",
  "controls",
] as const;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const experimentSchema = z.object({
  title: z.string().trim().min(1),
  task: z.enum(EXPERIMENT_TASKS),
  dataset: z
    .string()
    .refine((s) => parseDatasetRef(s) !== null, { error: `must be a dataset reference: ${DATASET_REF_RULE}` }),
  split: z.object({ test: z.number().gt(0).lt(1), seed: z.number().int() }),
  seed: z.number().int(),
  init: z.enum(["zeros", "random"]).default("zeros"),
  params: z.record(z.string(), z.number()).default({}),
  learner: z.string().regex(IDENTIFIER, { error: "must be a function name, e.g. gradientDescent" }),
  reference: z.string().trim().min(1),
  metric: z.enum(LESSON_METRICS).optional(),
  prepare: z.string().regex(IDENTIFIER, { error: "must be the name of a function a setup cell exports" }).optional(),
  predict: z.string().regex(IDENTIFIER, { error: "must be the name of a function a setup cell exports" }).optional(),
  controls: controlsSchema,
});

/**
 * Parses the body of experiment cell `id` (body's first line is file line
 * `firstLine`, the fence is on `fenceLine`). Appends diagnostics with file
 * lines to `diags`; returns null when the spec is unusable. Cross-cell rules
 * (declared dataset, existing reference cell) are checked by the caller.
 */
export function parseExperimentSpec(
  body: string,
  firstLine: number,
  fenceLine: number,
  id: string,
  diags: Diagnostic[],
): ExperimentSpec | null {
  const what = `experiment '${id}'`;
  const src = parseYamlAt(body, firstLine, fenceLine, what, diags);
  if (!src) return null;
  if (!isPlainObject(src.value)) {
    pushError(
      diags,
      fenceLine,
      `${what}: the body must be YAML fields (title, task, dataset, split, seed, params, learner, reference)`,
    );
    return null;
  }
  warnUnknownKeys(src.value, EXPERIMENT_FIELDS, [], src.lineOf, what, diags);
  warnUnknownKeys(src.value.split, ["test", "seed"], ["split"], src.lineOf, what, diags);
  warnUnknownControlKeys(src.value.controls, src.lineOf, what, diags);
  const result = experimentSchema.safeParse(src.value);
  if (!result.success) {
    reportZodIssues(result.error.issues, src.value, (p) => (p.length === 0 ? fenceLine : src.lineOf(p)), what, diags);
    return null;
  }
  const data = result.data;
  if (!lessonDefinedFieldsOk(data, src.lineOf, fenceLine, what, diags)) return null;
  if (!controlsOk(data.controls, data.params, src.lineOf, what, diags)) return null;
  const dataset = parseDatasetRef(data.dataset);
  if (!dataset) return null;
  return { ...data, dataset };
}

/** Lesson-defined tasks need a `metric`, and train-by-steps a `predict` export; other tasks take neither. */
function lessonDefinedFieldsOk(
  data: { task: string; metric?: string; predict?: string; prepare?: string },
  lineOf: (path: readonly PropertyKey[]) => number,
  fenceLine: number,
  what: string,
  diags: Diagnostic[],
): boolean {
  const lessonDefined = (LESSON_DEFINED_TASK_IDS as readonly string[]).includes(data.task);
  const before = diags.length;
  if (lessonDefined && !data.metric)
    pushError(diags, lineOf(["task"]), `${what}: task ${data.task} needs a metric (${LESSON_METRICS.join(" or ")})`);
  if (data.task === "train-by-steps" && !data.predict)
    pushError(diags, lineOf(["task"]), `${what}: task train-by-steps needs predict: a setup export predict(theta, X)`);
  if (!lessonDefined)
    for (const field of ["metric", "prepare", "predict"] as const)
      if (data[field] !== undefined)
        pushError(
          diags,
          lineOf([field]) || fenceLine,
          `${what}: ${field} is only for lesson-defined tasks (${LESSON_DEFINED_TASK_IDS.join(", ")})`,
        );
  return diags.length === before;
}
