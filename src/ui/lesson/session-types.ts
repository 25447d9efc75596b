/** UI state of one lesson page: per-exercise and per-experiment results. */
import type { CheckVerdict } from "../../core/grading/types";
import type { CellError } from "../../core/evaluation/types";
import type { ExperimentResult } from "../../core/experiments/result-types";
import type { PlotSpec } from "../../core/plot/plot-types";

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

export interface ExerciseState {
  code: string;
  /** Bumped whenever `code` is replaced from outside the editor. */
  revision: number;
  /** Learner code replaced by `Show solution`, kept recoverable. */
  previousCode?: string;
  hintsRevealed: number;
  solutionShown: boolean;
  verdicts: CheckVerdict[] | null;
  /** True when `verdicts` were restored from storage rather than run now. */
  verdictsFromStorage: boolean;
  outputs: OutputLine[];
  plots: CellPlot[];
  errors: CellError[];
  notice?: RunNotice;
}

export interface ExperimentState {
  result: ExperimentResult | null;
  outputs: OutputLine[];
  plots: CellPlot[];
  errors: CellError[];
  notice?: RunNotice;
  savedRunId?: string;
}

/** What is running now, if anything: one run at a time per page. */
export interface RunningTask {
  target: { kind: "exercise" | "experiment"; id: string };
  startedAt: number;
  limitMs: number;
}
