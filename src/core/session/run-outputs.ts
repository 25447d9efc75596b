/**
 * How the outputs of an exercise or experiment change while a run streams
 * and when it ends, and the notice shown for a run that ended without
 * results. Pure: each function returns a new state and mutates nothing.
 */
import type { CellError } from "../evaluation/types";
import type { CellPlot, ExerciseState, ExperimentState, OutputLine, RunNotice, RunOutputs } from "./types";

/** How a kernel run ended: the final message, the time limit, the Stop button, a crash, or refused by the page. */
export type RunEnding =
  | {
      kind: "finished";
      message: { kind: "checks-done" | "experiment-done" | "benchmark-done" } | { kind: "failed"; message: string };
    }
  | { kind: "timeout"; limitMs: number }
  | { kind: "stopped" }
  | { kind: "crashed"; message: string }
  /** The page ended the run: the kernel sent an invalid message or exceeded a cap; `message` says which. */
  | { kind: "refused"; message: string };

/** A message the kernel streams while code runs: a console line, a plot, or an error in a cell. */
export type StreamedMessage =
  ({ kind: "output" } & OutputLine) | ({ kind: "plot" } & CellPlot) | { kind: "cell-error"; error: CellError };

/** What a new run starts from: no outputs, plots, errors or notice. */
export function clearedOutputs<S extends RunOutputs>(state: S): S {
  return { ...state, outputs: [], plots: [], errors: [], notice: undefined };
}

/** `state` with a streamed message appended to its outputs, plots or errors. */
export function withStreamedMessage<S extends RunOutputs>(state: S, message: StreamedMessage): S {
  if (message.kind === "output") return { ...state, outputs: [...state.outputs, message] };
  if (message.kind === "plot") return { ...state, plots: [...state.plots, message] };
  return { ...state, errors: [...state.errors, message.error] };
}

/** Whether a kernel message is one that `withStreamedMessage` appends. */
export function isStreamedMessage(message: { kind: string }): message is StreamedMessage {
  return message.kind === "output" || message.kind === "plot" || message.kind === "cell-error";
}

/** The notice for a run that ended without results, or undefined when it finished normally. */
export function endNotice(end: RunEnding): RunNotice | undefined {
  if (end.kind === "timeout")
    return {
      tone: "error",
      text: `Stopped after the ${end.limitMs / 1000} s time limit: the code was still running (an infinite loop, or memory growing without bound?). The kernel was restarted; your code is unchanged.`,
    };
  if (end.kind === "stopped")
    return { tone: "info", text: "Stopped. The kernel was restarted; your code is unchanged." };
  if (end.kind === "crashed") return crashNotice(end.message);
  if (end.kind === "refused") return { tone: "error", text: end.message };
  if (end.message.kind === "failed") return { tone: "error", text: `The run failed: ${end.message.message}` };
  return undefined;
}

/** Error messages of an engine that ran out of memory (V8's and Chromium's wording). */
const OUT_OF_MEMORY = /out of memory|allocation failed|invalid array length|heap limit/i;

/** The notice for a kernel that died: out of memory when its error says so, otherwise a crash. */
export function crashNotice(message: string): RunNotice {
  const restarted = "The kernel was restarted; your code is unchanged and saved.";
  if (OUT_OF_MEMORY.test(message))
    return { tone: "error", text: `Your code ran out of memory (${message}). ${restarted}` };
  return { tone: "error", text: `The kernel crashed (${message}). ${restarted}` };
}

/** The notice for a run that could not start or whose result could not be saved. */
export function errorNotice(error: Error): RunNotice {
  return { tone: "error", text: error.message };
}

/**
 * An exercise after its checks run ended: the new verdicts when the run
 * produced some (no longer "from storage"), else the verdicts it had, and the end notice.
 */
export function afterChecks(
  state: ExerciseState,
  verdicts: ExerciseState["verdicts"],
  notice: RunNotice | undefined,
  diagnoses: ExerciseState["diagnoses"] = [],
): ExerciseState {
  return {
    ...state,
    diagnoses,
    verdicts: verdicts ?? state.verdicts,
    verdictsFromStorage: verdicts ? false : state.verdictsFromStorage,
    notice,
  };
}

/** An experiment that has not run yet on this page. */
export const EMPTY_EXPERIMENT: ExperimentState = { result: null, outputs: [], plots: [], errors: [] };
