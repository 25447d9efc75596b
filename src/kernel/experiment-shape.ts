/**
 * The shape Auto estimates an experiment by (core/backends/auto-choice.ts),
 * from the request itself, so the page (deciding Auto before it starts a
 * kernel) and the kernel (deciding it after calibrating) reach the same one.
 */
import { experimentShape, type ExperimentShape } from "../core/backends/auto-choice";
import type { RunExperimentRequest } from "../core/protocol/protocol";

/** Rows (training share) and columns of the experiment's dataset, with its hyper-parameters. */
export function experimentShapeOf(request: Pick<RunExperimentRequest, "lesson" | "spec">): ExperimentShape {
  const { id, version } = request.spec.dataset;
  const dataset = request.lesson.datasets.find((d) => d.id === id && d.version === version);
  const rows = Math.max(1, Math.round((dataset?.rows.length ?? 1) * (1 - request.spec.split.test)));
  const cols = dataset?.rows[0]?.length ?? 1;
  return experimentShape(rows, cols, request.spec.params);
}
