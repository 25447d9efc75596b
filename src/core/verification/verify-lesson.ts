/**
 * Verifies a lesson file the way an instructor needs: it parses with no
 * errors, the app's own checks pass (`appDiagnostics`, as when the browser
 * opens a lesson file), its datasets match their checksums, every exercise's
 * solution passes all its checks, every starter fails at least one (otherwise
 * the exercise teaches nothing), and every experiment runs on the CPU backend.
 * Shared by the `lessons:check` CLI and the golden tests; file access and
 * TensorFlow.js are passed in, so this module is pure core and runs anywhere.
 */
import { checkSourcesOf } from "../evaluation/check-sources";
import { observer, type Observation } from "../evaluation/diagnose";
import { runChecks } from "../evaluation/run-checks";
import type { SourceCell } from "../evaluation/types";
import { runExperiment } from "../experiments/run-experiment";
import type { Lesson } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { loadDataset, type LoadDatasetFailure, type ReadDatasetBytes } from "../ml/load-dataset";
import { inspectLessonFile, isOpenable } from "./inspect-lesson-file";
import { checkValueLines } from "./check-values";
import { verifyDiagnoses } from "./verify-diagnoses";
import { datasetDeclarationLine } from "./lesson-lines";
import { judgeExperiment, solutionProblems, starterProblem, type LessonProblem } from "./judge-checks";

export type { LessonProblem } from "./judge-checks";

/** What verifying one lesson found: its id (null when it did not parse), its problems, and what passed. */
export interface LessonReport {
  lessonId: string | null;
  problems: LessonProblem[];
  /** One line per exercise and experiment, for a readable summary. */
  passedSteps: string[];
  /** With `printValues`: every check's actual value on the solution (see check-values.ts). */
  values?: string[];
}

/** What else to report. */
export interface VerifyOptions {
  /** Record every check's actual value on the solution, hidden checks too. */
  printValues?: boolean;
}

/** Reads a dataset file's bytes by file name (e.g. from public/datasets/). */
export type ReadDatasetFile = ReadDatasetBytes;

/**
 * What verification needs of TensorFlow.js, passed in so that this module
 * imports none: the namespace reference cells receive (src/tfjs/tf-namespace.ts),
 * with the CPU backend already registered.
 */
export interface VerificationTf {
  /** Makes a registered backend the active one; verification asks for "cpu". */
  setBackend(name: string): Promise<boolean>;
  /** Live tensors and their bytes. */
  memory(): { numTensors: number; numBytes: number };
  /** The tfjs-core version, e.g. `4.22.0`. */
  version_core: string;
  /** What reference cells receive as `tf`, when not this namespace: the kernel's allow-list (src/tfjs/tf-facade.ts). */
  referenceTf?: unknown;
}

/** Runs every verification on one lesson text, experiments on `tf`'s CPU backend. Never throws. */
export async function verifyLesson(
  text: string,
  readDatasetFile: ReadDatasetFile,
  tf: VerificationTf,
  options: VerifyOptions = {},
): Promise<LessonReport> {
  // Exactly the rules of `Open lesson file` (size, YAML depth, parser, registries), then running it.
  const { lesson, diagnostics } = inspectLessonFile(text);
  const report: LessonReport = { lessonId: lesson?.meta.id ?? null, problems: [...diagnostics], passedSteps: [] };
  if (!lesson || !isOpenable({ lesson, diagnostics })) return report;
  const datasets = await loadLessonDatasets(text, lesson, readDatasetFile, report);
  if (!datasets) return report;
  verifyExercises(lesson, datasets, report);
  if (options.printValues) report.values = valueLines(lesson, datasets);
  await verifyExperiments(lesson, datasets, report, tf);
  return report;
}

/** Reads and verifies every declared dataset (all are in the registry: checked before); problems point at the declaration. */
async function loadLessonDatasets(
  text: string,
  lesson: Lesson,
  read: ReadDatasetFile,
  report: LessonReport,
): Promise<LoadedDataset[] | null> {
  const loaded: LoadedDataset[] = [];
  for (const ref of lesson.meta.datasets) {
    const outcome = await loadDataset(ref, read);
    if (!outcome.ok) {
      report.problems.push({
        line: datasetDeclarationLine(text, ref),
        severity: "error",
        message: datasetProblem(outcome),
      });
      return null;
    }
    loaded.push(outcome.dataset);
  }
  return loaded;
}

/** How the lesson checker words a dataset that could not be loaded. */
function datasetProblem(failure: LoadDatasetFailure): string {
  if (failure.code === "unknown-dataset") return failure.message;
  if (failure.code === "unreachable") return `cannot read public/datasets/${failure.entry.file}: ${failure.reason}`;
  return `dataset ${failure.entry.file}: ${failure.message}`;
}

/** Every exercise's solution, or its starter where it has none. */
function solvedCells(lesson: Lesson, override?: SourceCell): SourceCell[] {
  return lesson.exercises.map((e) => (override?.id === e.id ? override : { id: e.id, code: e.solution ?? e.starter }));
}

function checkSources(lesson: Lesson, exerciseId: string) {
  return checkSourcesOf(
    lesson.exercises.find((e) => e.id === exerciseId)!,
    { revealHidden: true },
  );
}

function verifyExercises(lesson: Lesson, datasets: LoadedDataset[], report: LessonReport): void {
  const payload = { setup: lesson.setup, datasets };
  const quiet = () => undefined;
  for (const exercise of lesson.exercises) {
    if (!exercise.solution) continue;
    const checks = checkSources(lesson, exercise.id);
    const observations: Observation[] = [];
    const solved = runChecks(payload, solvedCells(lesson), checks, quiet, undefined, observer(observations));
    const problems = solutionProblems(lesson, exercise, solved.verdicts, solved.errors);
    report.problems.push(...problems);
    const starter = runChecks(payload, solvedCells(lesson, { id: exercise.id, code: exercise.starter }), checks, quiet);
    const starterFails = starterProblem(exercise, starter.verdicts);
    if (starterFails) report.problems.push(starterFails);
    if (problems.length === 0) {
      report.passedSteps.push(
        `exercise ${exercise.id}: solution passes ${solved.verdicts.length} checks, starter fails`,
      );
      verifyDiagnoses(exercise, { payload, cells: solvedCells(lesson), checks, observations }, report);
    }
  }
}

function valueLines(lesson: Lesson, datasets: LoadedDataset[]): string[] {
  const payload = { setup: lesson.setup, datasets };
  return lesson.exercises.flatMap((e) => checkValueLines(e, payload, solvedCells(lesson)));
}

async function verifyExperiments(
  lesson: Lesson,
  datasets: LoadedDataset[],
  report: LessonReport,
  tf: VerificationTf,
): Promise<void> {
  await tf.setBackend("cpu");
  for (const experiment of lesson.experiments) {
    const reference = lesson.references.find((r) => r.id === experiment.spec.reference)!;
    const outcome = await runExperiment(
      {
        lesson: { setup: lesson.setup, datasets },
        cells: solvedCells(lesson),
        experimentId: experiment.id,
        spec: experiment.spec,
        reference,
      },
      {
        // The allow-listed tf the kernel gives reference cells, when given: a reference that needs more fails here too.
        tf: tf.referenceTf ?? tf,
        backend: { requested: "cpu", used: "cpu", skipped: [], tfjsVersion: tf.version_core },
        memory: () => tf.memory(),
        now: () => performance.now(),
      },
      () => undefined,
    );
    const judged = judgeExperiment(
      experiment.id,
      experiment.line,
      outcome.ok ? outcome : { ok: false, error: outcome.error },
    );
    if (judged.problem) report.problems.push(judged.problem);
    else report.passedSteps.push(judged.passed);
  }
}
