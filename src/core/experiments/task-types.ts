/**
 * An experiment task: how one kind of experiment feeds the learner's function
 * and the tfjs reference the same inputs, and scores their results with the
 * shared float64 harness. Both implementations return `{ theta, history }`:
 * theta is the learned parameters (nested arrays are flattened in row-major
 * order), history the training objective by step.
 */
import type { PlotSpec } from "../plot/plot-types";
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";

export interface PreparedExperiment {
  /** The learner's function is called as `fn(...args)`, the reference as `fn(tf, ...args)`; each gets its own deep copy. */
  args: unknown[];
  /** Starting parameters (flattened), recorded with the run. */
  initialTheta: number[];
  trainRows: number;
  testRows: number;
  /** Float64 metrics of final (flattened) parameters, e.g. `{ trainCost, testAccuracy }`. Pure. */
  score(theta: number[]): Record<string, number>;
  /** Optional plots comparing the implementations' final parameters (e.g. both decision boundaries). */
  plots?(results: { name: string; theta: number[] }[]): PlotSpec[];
}

/**
 * Functions a lesson's setup cells export for a lesson-defined task, found by
 * the names the spec gives (`prepare`, `predict`); absent when not named.
 */
export interface LessonHooks {
  prepare?: (data: SplitData) => unknown;
  predict?: (theta: unknown, X: number[][]) => unknown;
}

/** A seeded split as lesson-defined tasks hand it to `prepare`: features and targets of each part. */
export interface SplitData {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
}

export interface ExperimentTaskDefinition {
  id: string;
  /** One line for instructors (lessons/README.md lists the tasks). */
  description: string;
  /** `spec.params` names the task needs; missing ones are a lesson diagnostic. */
  requiredParams: readonly string[];
  /**
   * What both functions return: `{ theta, history }` (the default, "fit") or
   * one prediction per test row ("predictions", scored as the final theta).
   */
  returns?: "fit" | "predictions";
  /** Builds the inputs from the spec's dataset (and the lesson's hooks, for lesson-defined tasks). Throws an Error with a clear message on a mismatch. */
  prepare(dataset: LoadedDataset, spec: ExperimentSpec, hooks?: LessonHooks): PreparedExperiment;
}
