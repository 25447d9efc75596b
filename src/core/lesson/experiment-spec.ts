/**
 * The YAML body of an `experiment` cell: what to compare (dataset, split,
 * seeds, parameters, the learner's function and the tfjs reference).
 */
import { z } from "zod";
import { pushError } from "./diagnostics";
import { DATASET_REF_RULE, parseDatasetRef } from "./dataset-ref";
import { isPlainObject, warnUnknownKeys } from "./object-keys";
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
  const result = experimentSchema.safeParse(src.value);
  if (!result.success) {
    reportZodIssues(result.error.issues, src.value, (p) => (p.length === 0 ? fenceLine : src.lineOf(p)), what, diags);
    return null;
  }
  const data = result.data;
  const dataset = parseDatasetRef(data.dataset);
  if (!dataset) return null;
  return { ...data, dataset };
}
