/**
 * Verifies a lesson file the way an instructor needs: it parses with no
 * errors, the app's own checks pass (`appDiagnostics`, as when the browser
 * opens a lesson file), its datasets match their checksums, every exercise's
 * solution passes all its checks, every starter fails at least one (otherwise
 * the exercise teaches nothing), and every experiment runs on the CPU backend.
 * Shared by the `lessons:check` CLI and the golden tests; file access and
 * TensorFlow.js are passed in, so this module is pure core and runs anywhere.
 */
import { checkNumberOf, checkSourcesOf } from "../evaluation/check-sources";
import { observer, type Observation } from "../evaluation/diagnose";
import { runChecks } from "../evaluation/run-checks";
import type { CellError, SourceCell } from "../evaluation/types";
import { runExperiment } from "../experiments/run-experiment";
import type { CheckVerdict } from "../grading/types";
import type { Lesson } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { loadDataset, type LoadDatasetFailure, type ReadDatasetBytes } from "../ml/load-dataset";
import { inspectLessonFile, isOpenable } from "./inspect-lesson-file";
import { checkValueLines } from "./check-values";
import { verifyDiagnoses } from "./verify-diagnoses";
import { bodyLineInFile, checkCallLine, datasetDeclarationLine, solutionLine } from "./lesson-lines";

/** One problem found in a lesson file, at a 1-based line of that file. */
export interface LessonProblem {
  line: number;
  severity: "error" | "warning";
  message: string;
}

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

/** Fence line of every cell a run of `solvedCells` evaluates, by the cell id errors carry. */
function fenceLines(lesson: Lesson, exerciseId: string): Map<string, number> {
  const lines = new Map<string, number>(lesson.setup.map((cell) => [cell.id, cell.line]));
  for (const e of lesson.exercises) lines.set(e.id, solutionLine(lesson, e.id) ?? e.line);
  checkSources(lesson, exerciseId).forEach((check) => lines.set(check.id, check.line));
  return lines;
}

/** Where an error happened, as a file line, and a phrase naming the cell. */
function locateError(lesson: Lesson, exerciseId: string, error: CellError): { line: number; where: string } {
  const fence =
    fenceLines(lesson, exerciseId).get(error.cellId) ?? lesson.exercises.find((e) => e.id === exerciseId)!.line;
  const check = checkNumberOf(error.cellId);
  const where =
    check !== null
      ? `check cell ${check}`
      : lesson.setup.some((s) => s.id === error.cellId)
        ? `setup cell ${error.cellId}`
        : `${solutionLine(lesson, error.cellId) ? "solution" : "starter code"} of exercise ${error.cellId}`;
  return { line: bodyLineInFile(fence, error.line), where: `${where}${error.line ? `, line ${error.line}` : ""}` };
}

/** "expected 47.97, got 0 (tolerance 0.01)", plus the comparison's own explanation. */
function describeFailure(verdict: CheckVerdict): string {
  const tolerance =
    verdict.tolerance !== undefined && !verdict.message?.includes("tolerance")
      ? ` (tolerance ${verdict.tolerance})`
      : "";
  const values = verdict.expected || verdict.got ? `expected ${verdict.expected}, got ${verdict.got}${tolerance}` : "";
  return [values, verdict.message].filter(Boolean).join("; ");
}

function verifyExercises(lesson: Lesson, datasets: LoadedDataset[], report: LessonReport): void {
  const payload = { setup: lesson.setup, datasets };
  const quiet = () => undefined;
  for (const exercise of lesson.exercises) {
    if (!exercise.solution) continue;
    const checks = checkSources(lesson, exercise.id);
    const observations: Observation[] = [];
    const solved = runChecks(payload, solvedCells(lesson), checks, quiet, undefined, observer(observations));
    const failures = solved.verdicts.filter((v) => !v.passed);
    // A check cell that throws also fails as "check N could not finish"; its located error below says more.
    failures
      .filter((v) => !/^check \d+ could not finish$/.test(v.name))
      .forEach((v) => {
        const call = checkCallLine(lesson, exercise.id, v.name);
        const kind = call?.hidden ? "hidden check" : "check";
        const line = call?.line ?? exercise.checks[0]?.line ?? exercise.line;
        report.problems.push({
          line,
          severity: "error",
          message: `exercise ${exercise.id}: the solution fails ${kind} "${v.name}": ${describeFailure(v)}`,
        });
      });
    const located = solved.errors.map((e) => {
      const { line, where } = locateError(lesson, exercise.id, e);
      return {
        line,
        severity: "error" as const,
        message: `exercise ${exercise.id}: ${e.phase === "syntax" ? "syntax error" : "error"} in the ${where}: ${e.message}`,
      };
    });
    // Several checks calling the same broken function raise the same error once each.
    report.problems.push(
      ...located.filter((p, i) => located.findIndex((q) => q.line === p.line && q.message === p.message) === i),
    );
    const starter = runChecks(payload, solvedCells(lesson, { id: exercise.id, code: exercise.starter }), checks, quiet);
    if (starter.verdicts.length > 0 && starter.verdicts.every((v) => v.passed)) {
      report.problems.push({
        line: exercise.line,
        severity: "error",
        message: `exercise ${exercise.id}: the starter code already passes every check, so the exercise teaches nothing`,
      });
    }
    if (failures.length === 0 && solved.errors.length === 0) {
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
    if (!outcome.ok) {
      const where = outcome.error.line
        ? ` (${outcome.error.cellId} line ${outcome.error.line})`
        : ` (${outcome.error.cellId})`;
      report.problems.push({
        line: experiment.line,
        severity: "error",
        message: `experiment ${experiment.id} fails on CPU${where}: ${outcome.error.message}`,
      });
      continue;
    }
    const leaked = outcome.result.profile?.leakedTensors ?? 0;
    if (leaked !== 0) {
      report.problems.push({
        line: experiment.line,
        severity: "error",
        message: `experiment ${experiment.id}: the tfjs reference leaks ${leaked} tensors (dispose them or use tf.tidy)`,
      });
      continue;
    }
    const [learner, reference_] = outcome.result.implementations;
    report.passedSteps.push(
      `experiment ${experiment.id}: runs on CPU in ${outcome.result.totalMs.toFixed(0)} ms, 0 tensors leaked, ${compareMetrics(learner.metrics, reference_.metrics)}, max |Δθ| ${outcome.result.maxAbsThetaDiff.toExponential(2)}`,
    );
  }
}

/** The first two metrics of a task, e.g. "trainCost 5.99834 (yours) vs 5.99834 (tfjs)". */
function compareMetrics(learner: Record<string, number>, reference: Record<string, number>): string {
  const names = Object.keys(learner).slice(0, 2);
  if (names.length === 0) return "no metrics";
  return names
    .map((name) => `${name} ${learner[name]?.toPrecision(6)} (yours) vs ${reference[name]?.toPrecision(6)} (tfjs)`)
    .join(", ");
}
