/**
 * Verifies a lesson file the way an instructor needs: it parses with no
 * errors, its datasets match their checksums, every exercise's solution
 * passes all its checks, every starter fails at least one (otherwise the
 * exercise teaches nothing), and every experiment runs on the CPU backend.
 * Shared by the `lessons:check` CLI and the golden tests; file access is
 * injected so this module runs anywhere.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { runChecks } from "../core/kernel/run-checks";
import { runExperiment } from "../core/kernel/run-experiment";
import type { SourceCell } from "../core/kernel/protocol";
import { parseLesson } from "../core/lesson/parse-lesson";
import type { Lesson } from "../core/lesson/types";
import type { LoadedDataset } from "../core/ml/dataset-types";
import { findDataset } from "../core/ml/datasets-registry";
import { verifyDataset } from "../core/ml/load-dataset";
import { tfNamespace } from "./tf-namespace";

export interface LessonProblem {
  line: number;
  severity: "error" | "warning";
  message: string;
}

export interface LessonReport {
  lessonId: string | null;
  problems: LessonProblem[];
  /** One line per exercise and experiment, for a readable summary. */
  passedSteps: string[];
}

/** Reads a dataset file's bytes by file name (e.g. from public/datasets/). */
export type ReadDatasetFile = (file: string) => Promise<Uint8Array>;

/** Runs every verification on one lesson text. Never throws. */
export async function verifyLesson(text: string, readDatasetFile: ReadDatasetFile): Promise<LessonReport> {
  const { lesson, diagnostics } = parseLesson(text);
  const report: LessonReport = { lessonId: lesson?.meta.id ?? null, problems: [...diagnostics], passedSteps: [] };
  if (!lesson || diagnostics.some((d) => d.severity === "error")) return report;
  const datasets = await loadLessonDatasets(lesson, readDatasetFile, report);
  if (!datasets) return report;
  verifyExercises(lesson, datasets, report);
  await verifyExperiments(lesson, datasets, report);
  return report;
}

async function loadLessonDatasets(lesson: Lesson, read: ReadDatasetFile, report: LessonReport): Promise<LoadedDataset[] | null> {
  const loaded: LoadedDataset[] = [];
  for (const ref of lesson.meta.datasets) {
    const entry = findDataset(ref.id, ref.version);
    if (!entry) {
      report.problems.push({ line: 1, severity: "error", message: `dataset ${ref.id}@${ref.version} is not in src/core/ml/datasets-registry.ts` });
      return null;
    }
    let bytes: Uint8Array;
    try {
      bytes = await read(entry.file);
    } catch (error) {
      report.problems.push({ line: 1, severity: "error", message: `cannot read public/datasets/${entry.file}: ${(error as Error).message}` });
      return null;
    }
    const verified = await verifyDataset(entry, bytes);
    if (!verified.ok) {
      report.problems.push({ line: 1, severity: "error", message: `dataset ${entry.file}: ${verified.message}` });
      return null;
    }
    loaded.push(verified.dataset);
  }
  return loaded;
}

/** Every exercise's solution, or its starter where it has none. */
function solvedCells(lesson: Lesson, override?: SourceCell): SourceCell[] {
  return lesson.exercises.map((e) => (override?.id === e.id ? override : { id: e.id, code: e.solution ?? e.starter }));
}

function checkSources(lesson: Lesson, exerciseId: string) {
  const exercise = lesson.exercises.find((e) => e.id === exerciseId)!;
  return exercise.checks.map((check, index) => ({ id: `${exerciseId}-check-${index + 1}`, code: check.code, hidden: check.hidden }));
}

function verifyExercises(lesson: Lesson, datasets: LoadedDataset[], report: LessonReport): void {
  const payload = { setup: lesson.setup, datasets };
  const quiet = () => undefined;
  for (const exercise of lesson.exercises) {
    if (!exercise.solution) continue;
    const checks = checkSources(lesson, exercise.id);
    const solved = runChecks(payload, solvedCells(lesson), checks, quiet);
    const failures = solved.verdicts.filter((v) => !v.passed);
    failures.forEach((v) =>
      report.problems.push({ line: exercise.line, severity: "error", message: `exercise ${exercise.id}: the solution fails check "${v.name}": ${v.message ?? `expected ${v.expected}, got ${v.got}`}` }),
    );
    solved.errors.forEach((e) => report.problems.push({ line: exercise.line, severity: "error", message: `exercise ${exercise.id}: ${e.cellId}${e.line ? ` line ${e.line}` : ""}: ${e.message}` }));
    const starter = runChecks(payload, solvedCells(lesson, { id: exercise.id, code: exercise.starter }), checks, quiet);
    if (starter.verdicts.length > 0 && starter.verdicts.every((v) => v.passed)) {
      report.problems.push({ line: exercise.line, severity: "error", message: `exercise ${exercise.id}: the starter code already passes every check, so the exercise teaches nothing` });
    }
    if (failures.length === 0 && solved.errors.length === 0) report.passedSteps.push(`exercise ${exercise.id}: solution passes ${solved.verdicts.length} checks, starter fails`);
  }
}

async function verifyExperiments(lesson: Lesson, datasets: LoadedDataset[], report: LessonReport): Promise<void> {
  await tf.setBackend("cpu");
  for (const experiment of lesson.experiments) {
    const reference = lesson.references.find((r) => r.id === experiment.spec.reference)!;
    const outcome = await runExperiment(
      { lesson: { setup: lesson.setup, datasets }, cells: solvedCells(lesson), experimentId: experiment.id, spec: experiment.spec, reference },
      { tf: tfNamespace, backend: { requested: "cpu", used: "cpu", skipped: [], tfjsVersion: tf.version_core }, memory: () => tf.memory(), now: () => performance.now() },
      () => undefined,
    );
    if (!outcome.ok) {
      const where = outcome.error.line ? ` (${outcome.error.cellId} line ${outcome.error.line})` : ` (${outcome.error.cellId})`;
      report.problems.push({ line: experiment.line, severity: "error", message: `experiment ${experiment.id} fails on CPU${where}: ${outcome.error.message}` });
      continue;
    }
    const [learner, reference_] = outcome.result.implementations;
    report.passedSteps.push(
      `experiment ${experiment.id}: runs on CPU in ${outcome.result.totalMs.toFixed(0)} ms, train cost ${learner.metrics.trainCost?.toPrecision(6)} (yours) vs ${reference_.metrics.trainCost?.toPrecision(6)} (tfjs), max |Δθ| ${outcome.result.maxAbsThetaDiff.toExponential(2)}`,
    );
  }
}
