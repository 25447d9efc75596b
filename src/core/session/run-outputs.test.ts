import { describe, expect, it } from "vitest";
import { initialExercises } from "./exercise-transitions";
import {
  afterChecks,
  clearedOutputs,
  EMPTY_EXPERIMENT,
  endNotice,
  errorNotice,
  isStreamedMessage,
  withStreamedMessage,
} from "./run-outputs";
import type { ExerciseState } from "./types";

const exercise = (): ExerciseState => initialExercises([{ id: "e", starter: "" }]).e;
const verdicts = [{ name: "cost", passed: false, expected: "1", got: "0", hidden: false }];

describe("clearedOutputs", () => {
  it("empties outputs, plots and errors and drops the notice, keeping the rest", () => {
    const state = {
      ...exercise(),
      code: "x",
      outputs: [{ cellId: "e", level: "log" as const, text: "hi" }],
      errors: [{ cellId: "e", phase: "runtime" as const, message: "boom" }],
      notice: { tone: "info" as const, text: "Stopped." },
    };
    expect(clearedOutputs(state)).toEqual({ ...state, outputs: [], plots: [], errors: [], notice: undefined });
  });
});

describe("withStreamedMessage", () => {
  it("appends console lines, plots and cell errors in arrival order", () => {
    let state = EMPTY_EXPERIMENT;
    state = withStreamedMessage(state, { kind: "output", cellId: "e", level: "log", text: "one" });
    state = withStreamedMessage(state, { kind: "output", cellId: "e", level: "warn", text: "two" });
    state = withStreamedMessage(state, {
      kind: "plot",
      cellId: "e",
      plot: { kind: "lines", title: "cost", series: [] },
    });
    state = withStreamedMessage(state, {
      kind: "cell-error",
      error: { cellId: "e", phase: "runtime", message: "boom", line: 3 },
    });
    expect(state.outputs.map((line) => line.text)).toEqual(["one", "two"]);
    expect(state.plots.map((p) => p.plot.title)).toEqual(["cost"]);
    expect(state.errors).toEqual([{ cellId: "e", phase: "runtime", message: "boom", line: 3 }]);
    expect(EMPTY_EXPERIMENT.outputs).toEqual([]);
  });
});

describe("isStreamedMessage", () => {
  it("is true for outputs, plots and cell errors only", () => {
    expect(["output", "plot", "cell-error"].every((kind) => isStreamedMessage({ kind }))).toBe(true);
    expect(["checks-done", "experiment-done", "failed", "ready"].some((kind) => isStreamedMessage({ kind }))).toBe(
      false,
    );
  });
});

describe("endNotice", () => {
  it("says the time limit stopped the run, in seconds", () => {
    expect(endNotice({ kind: "timeout", limitMs: 5000 })).toEqual({
      tone: "error",
      text: "Stopped after the 5 s time limit: the code was still running (an infinite loop, or memory growing without bound?). The kernel was restarted; your code is unchanged.",
    });
  });

  it("says a stopped run left the code unchanged", () => {
    expect(endNotice({ kind: "stopped" })).toEqual({
      tone: "info",
      text: "Stopped. The kernel was restarted; your code is unchanged.",
    });
  });

  it("shows why the page refused a run, as the client said it", () => {
    const message =
      "The run was ended because it printed more than 2500 lines, errors and plots. The kernel was restarted.";
    expect(endNotice({ kind: "refused", message })).toEqual({ tone: "error", text: message });
  });

  it("names why the kernel crashed or the run failed", () => {
    expect(endNotice({ kind: "crashed", message: "Out of memory" })?.text).toMatch(/^Your code ran out of memory/);
    expect(endNotice({ kind: "crashed", message: "Array buffer allocation failed" })?.text).toMatch(
      /ran out of memory/,
    );
    expect(endNotice({ kind: "crashed", message: "boom" })?.text).toMatch(
      /^The kernel crashed \(boom\)\. The kernel was restarted/,
    );
    expect(endNotice({ kind: "finished", message: { kind: "failed", message: "no data" } })?.text).toBe(
      "The run failed: no data",
    );
  });

  it("is undefined for a run that finished with results", () => {
    expect(endNotice({ kind: "finished", message: { kind: "checks-done" } })).toBeUndefined();
  });
});

describe("errorNotice", () => {
  it("is an error notice with the error's message", () => {
    expect(errorNotice(new Error("dataset unreachable"))).toEqual({ tone: "error", text: "dataset unreachable" });
  });
});

describe("afterChecks", () => {
  it("shows the new verdicts as run now, with the end notice", () => {
    const stored = { ...exercise(), verdicts: [], verdictsFromStorage: true };
    const notice = { tone: "info" as const, text: "done" };
    expect(afterChecks(stored, verdicts, notice)).toMatchObject({ verdicts, verdictsFromStorage: false, notice });
  });

  it("keeps the verdicts it had when the run gave none", () => {
    const stored = { ...exercise(), verdicts, verdictsFromStorage: true };
    expect(afterChecks(stored, null, undefined)).toMatchObject({ verdicts, verdictsFromStorage: true });
  });
});
