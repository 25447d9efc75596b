/**
 * The outcome of an experiment run: both implementations' final parameters,
 * loss histories and float64 metrics, with the backend and costs of the run.
 * Pure data, sent from the kernel worker to the page.
 */
import type { BackendName, BackendReport } from "../backends/backend-choice";
import type { PlotSpec } from "../plot/plot-types";
import type { Calibration } from "../backends/auto-choice";
import type { RunProfile } from "./run-profile";

/** One implementation's outcome in an experiment. */
export interface ImplementationResult {
  name: "learner" | "reference";
  /** Final parameters. */
  theta: number[];
  /** Loss by step, as reported by the implementation (may be sampled every k steps). */
  history: { step: number; loss: number }[];
  /** Metrics recomputed in float64 by the shared harness, e.g. `{ trainCost, testCost }`. */
  metrics: Record<string, number>;
  wallTimeMs: number;
  /** Backend that ran it: "js" for the learner's plain JavaScript. */
  backend: BackendName | "js";
}

/** Everything one experiment run produced, as the page shows and records it. */
export interface ExperimentResult {
  experimentId: string;
  implementations: ImplementationResult[];
  /** Largest absolute difference between the two implementations' final parameters. */
  maxAbsThetaDiff: number;
  backend: BackendReport;
  initialTheta: number[];
  trainRows: number;
  testRows: number;
  /** Wall time of the whole run, in milliseconds. */
  totalMs: number;
  /** Live tfjs tensors and bytes at the end of the run. */
  memory?: { numTensors: number; numBytes: number };
  /** What the tfjs reference cost (start-up vs steady state, steps, memory, kernels, leaks). */
  profile?: RunProfile;
  /** A calibration measured during this run (for `auto` without a valid cached one), for the client to cache. */
  calibration?: Calibration;
  /** The task's comparison plots (e.g. both fitted lines or decision boundaries). */
  plots?: PlotSpec[];
}
