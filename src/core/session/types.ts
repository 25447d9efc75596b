/** State of one lesson page: per-exercise and per-experiment results, and the run in flight. */
import type { CheckVerdict } from "../grading/types";
import type { DiagnosisFinding } from "../evaluation/diagnose";
import type { CellError } from "../evaluation/types";
import type { ExperimentResult } from "../experiments/result-types";
import type { PlotSpec } from "../plot/plot-types";
import type { MeasuredRun } from "./parameter-controls";
import type { DraftRecord } from "../tracking/types";

export interface CellPlot {
  cellId: string;
  plot: PlotSpec;
}

export interface OutputLine {
  cellId: string;
  level: "log" | "warn" | "error";
  text: string;
}

/** A run that ended without results: timed out, stopped, or the kernel failed. */
export interface RunNotice {
  tone: "error" | "info";
  text: string;
}

/** What the last run of an exercise or experiment printed, plotted and threw, and how it ended. */
export interface RunOutputs {
  outputs: OutputLine[];
  plots: CellPlot[];
  errors: CellError[];
  notice?: RunNotice;
}

/** A draft another tab saved while this tab had unsaved changes of its own to the same exercise. */
export interface DraftConflict {
  theirs: DraftRecord;
}

export interface ExerciseState extends RunOutputs {
  code: string;
  /**
   * The code this tab and storage last agreed on (the stored draft it loaded,
   * saved or adopted; the starter code when none is stored). A stored draft
   * that differs from it was saved by another tab.
   */
  baseCode: string;
  /** Set while another tab's saved draft and this tab's unsaved code differ: the learner chooses. */
  conflict?: DraftConflict;
  /** Bumped whenever `code` is replaced from outside the editor. */
  revision: number;
  /** Learner code replaced by `Show solution`, kept recoverable. */
  previousCode?: string;
  hintsRevealed: number;
  solutionShown: boolean;
  verdicts: CheckVerdict[] | null;
  /** True when `verdicts` were restored from storage rather than run now. */
  verdictsFromStorage: boolean;
  /** Diagnoses that recognised the mistake in the last run (not stored). */
  diagnoses?: DiagnosisFinding[];
}

export interface ExperimentState extends RunOutputs {
  result: ExperimentResult | null;
  savedRunId?: string;
  /** How long the run that gave `result` took, and with which params: the base of the next run's estimate. */
  measured?: MeasuredRun;
}

/** What is running now, if anything: one run at a time per page. */
export interface RunningTask {
  target: { kind: "exercise" | "experiment"; id: string };
  /** `performance.now()` when it started, in milliseconds. */
  startedAt: number;
  limitMs: number;
}
