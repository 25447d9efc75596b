/**
 * The lesson model: what `parseLesson` produces from an instructor's text file.
 * Pure data, no behaviour. Line numbers are 1-based lines of the source file.
 */

/** Version of the lesson file format this app reads (front matter `format: 1`). */
export const LESSON_FORMAT_VERSION = 1;

/** A lesson's id, e.g. `linear-regression-one-variable`. Branded so it is not mixed up with cell ids. */
export type LessonId = string & { readonly __brand: "LessonId" };

/** A dataset reference `id@version`, e.g. `city-profits@1`. */
export interface DatasetRef {
  id: string;
  version: number;
}

/** Resource estimates an instructor declares in front matter (time in seconds, memory in MiB). */
export interface ResourceEstimates {
  cpuSeconds?: number;
  wasmSeconds?: number;
  memoryMiB?: number;
}

export interface LessonMeta {
  id: LessonId;
  title: string;
  formatVersion: number;
  /** Position in the catalogue (ascending). */
  order: number;
  summary: string;
  datasets: DatasetRef[];
  estimates: ResourceEstimates;
  /** Time limit for one checks run, in milliseconds (default 5000). */
  timeLimitMs: number;
  /** The lesson's own version (front matter `version`, default 1): raised when its exercises change. */
  version: number;
}

interface CellBase {
  /** Line of the opening fence (or first prose line) in the lesson file. */
  line: number;
}

/** Markdown with `$inline$` and `$$display$$` math; may contain ordinary fenced code examples. */
export interface ProseCell extends CellBase {
  kind: "prose";
  markdown: string;
}

/** Instructor code run before the learner's cells on every run; its exports are in scope of checks. */
export interface SetupCell extends CellBase {
  kind: "setup";
  id: string;
  code: string;
}

/** Starter code the learner edits. `title` is optional display text. */
export interface ExerciseCell extends CellBase {
  kind: "exercise";
  id: string;
  title?: string;
  code: string;
}

export interface SolutionCell extends CellBase {
  kind: "solution";
  /** Id of the exercise this solves. */
  for: string;
  code: string;
}

/** Instructor test code run after the learner's cells; calls `check(...)` (see core/grading). */
export interface CheckCell extends CellBase {
  kind: "check";
  for: string;
  code: string;
  /** A hidden check shows only its name and verdict, never its code or expected value. */
  hidden: boolean;
}

export interface HintCell extends CellBase {
  kind: "hint";
  for: string;
  /** 1 is revealed first. */
  tier: number;
  markdown: string;
}

/**
 * An instructor's diagnosis of one known mistake in an exercise: `code` is the
 * mistaken variant (it exports what the exercise exports, written wrong the way
 * learners get it wrong) and `message` is what a learner whose results agree
 * with that variant on every check is told. See evaluation/diagnose.ts.
 */
export interface DiagnosisCell extends CellBase {
  kind: "diagnosis";
  /** Id of the exercise this diagnoses. */
  for: string;
  id: string;
  /** The targeted message, from the `// message:` comment that opens the body. */
  message: string;
  code: string;
}

/** A TensorFlow.js version of an algorithm; exports a function the experiment calls with `tf`. */
export interface ReferenceCell extends CellBase {
  kind: "tfjs";
  id: string;
  code: string;
}

/** The experiment tasks this app knows (src/core/experiments/registry.ts defines each). */
export { EXPERIMENT_TASK_IDS as EXPERIMENT_TASKS } from "./task-ids";
import type { EXPERIMENT_TASK_IDS } from "./task-ids";
/** The id of an experiment task, e.g. `linear-regression`. */
export type ExperimentTask = (typeof EXPERIMENT_TASK_IDS)[number];

export interface ExperimentSpec {
  title: string;
  task: ExperimentTask;
  dataset: DatasetRef;
  /** Fraction of rows held out for test (0..1) and the seed of the shuffle that splits them. */
  split: { test: number; seed: number };
  /** Seed for anything else random in the run (e.g. initial parameters). */
  seed: number;
  /** How the initial parameters are made: all zeros, or seeded uniform in [-0.5, 0.5). */
  init: "zeros" | "random";
  /** Numeric hyper-parameters, e.g. `{ alpha: 0.01, iterations: 1500 }`. */
  params: Record<string, number>;
  /** Name of the function the learner's exercise exports, e.g. `gradientDescent`. */
  learner: string;
  /** Id of the `tfjs` cell whose exported function of the same name is the reference. */
  reference: string;
  /** Lesson-defined tasks: how predictions are scored (fraction equal, or mean squared error). */
  metric?: "accuracy" | "mse";
  /** Lesson-defined tasks: a setup export `prepare({ XTrain, yTrain, XTest, yTest })` returning the same shape. */
  prepare?: string;
  /** train-by-steps: a setup export `predict(theta, X)` returning one prediction per row. */
  predict?: string;
  /** Params the learner can change with a control, each with its range (every key is a key of `params`). */
  controls?: Record<string, ParamControl>;
}

/**
 * The range of one experiment param's control: values from `min` to `max`
 * (min < max) in steps of `step` counted from `min`; `log` spaces the slider
 * logarithmically (min > 0), e.g. for learning rates.
 */
export interface ParamControl {
  min: number;
  max: number;
  step: number;
  scale: "linear" | "log";
}

export interface ExperimentCell extends CellBase {
  kind: "experiment";
  id: string;
  spec: ExperimentSpec;
}

export type Cell =
  | ProseCell
  | SetupCell
  | ExerciseCell
  | SolutionCell
  | CheckCell
  | HintCell
  | ReferenceCell
  | ExperimentCell
  | DiagnosisCell;

export type CellKind = Cell["kind"];

/** An exercise with everything attached to it, in file order. */
export interface Exercise {
  id: string;
  title?: string;
  line: number;
  starter: string;
  solution?: string;
  checks: CheckCell[];
  /** Sorted by tier. */
  hints: HintCell[];
  /** Known mistakes and their messages, in file order (absent or empty when the lesson has none). */
  diagnoses?: DiagnosisCell[];
}

export interface Lesson {
  meta: LessonMeta;
  /** Every cell in file order (the page renders these). */
  cells: Cell[];
  exercises: Exercise[];
  setup: SetupCell[];
  references: ReferenceCell[];
  experiments: ExperimentCell[];
}

export interface Diagnostic {
  line: number;
  severity: "error" | "warning";
  message: string;
}

/** `lesson` is null only when errors make the file unusable. */
export interface ParseResult {
  lesson: Lesson | null;
  diagnostics: Diagnostic[];
}
