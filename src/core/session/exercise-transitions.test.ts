import { describe, expect, it } from "vitest";
import { sampleDraft } from "../tracking/fixtures";
import type { ProgressRecord } from "../tracking/types";
import {
  applyStoredWork,
  initialExercises,
  resetToStarter,
  restorePrevious,
  revealHint,
  showSolution,
} from "./exercise-transitions";

const STARTER = "return 0;";
const SOLUTION = "return 42;";
const fresh = () => initialExercises([{ id: "compute-cost", starter: STARTER }])["compute-cost"];
const storedProgress = (overrides: Partial<ProgressRecord> = {}): ProgressRecord => ({
  schemaVersion: 1,
  lessonId: "linear-regression",
  exerciseId: "compute-cost",
  verdicts: [{ name: "cost", passed: true, expected: "1", got: "1", hidden: false }],
  allPassed: true,
  everPassed: true,
  solutionShown: true,
  updatedAt: "2026-11-03T09:00:00.000Z",
  ...overrides,
});

describe("initialExercises", () => {
  it("starts every exercise from its starter code, with no verdicts and no outputs", () => {
    const exercises = initialExercises([
      { id: "a", starter: "1" },
      { id: "b", starter: "2" },
    ]);
    expect(Object.keys(exercises)).toEqual(["a", "b"]);
    expect(exercises.a).toEqual({
      code: "1",
      revision: 0,
      hintsRevealed: 0,
      solutionShown: false,
      verdicts: null,
      verdictsFromStorage: false,
      outputs: [],
      plots: [],
      errors: [],
    });
  });
});

describe("applyStoredWork", () => {
  it("puts the saved draft in the editor (a new revision) with its hints and replaced code", () => {
    const draft = sampleDraft({ code: "draft", previousCode: "before", hintsRevealed: 2 });
    const state = applyStoredWork({ "compute-cost": fresh() }, [draft], [])["compute-cost"];
    expect(state).toMatchObject({ code: "draft", revision: 1, previousCode: "before", hintsRevealed: 2 });
  });

  it("shows the last verdicts as restored from storage, and whether the solution was shown", () => {
    const progress = storedProgress();
    const state = applyStoredWork({ "compute-cost": fresh() }, [], [progress])["compute-cost"];
    expect(state).toMatchObject({ verdicts: progress.verdicts, verdictsFromStorage: true, solutionShown: true });
    expect(state.code).toBe(STARTER);
  });

  it("ignores records of exercises the lesson no longer has", () => {
    const before = { "compute-cost": fresh() };
    const after = applyStoredWork(
      before,
      [sampleDraft({ exerciseId: "gone" })],
      [storedProgress({ exerciseId: "gone" })],
    );
    expect(after).toEqual(before);
  });

  it("does not change the exercises it was given", () => {
    const before = { "compute-cost": fresh() };
    applyStoredWork(before, [sampleDraft()], [storedProgress()]);
    expect(before["compute-cost"]).toEqual(fresh());
  });
});

describe("revealHint", () => {
  it("reveals one more hint tier", () => {
    expect(revealHint(revealHint(fresh())).hintsRevealed).toBe(2);
  });
});

describe("showSolution", () => {
  it("replaces the code with the solution, keeping the learner's code recoverable", () => {
    const state = showSolution({ ...fresh(), code: "mine" }, SOLUTION);
    expect(state).toMatchObject({ code: SOLUTION, previousCode: "mine", revision: 1, solutionShown: true });
  });

  it("keeps the earlier replaced code when the solution is already in the editor", () => {
    const shown = showSolution({ ...fresh(), code: "mine" }, SOLUTION);
    expect(showSolution(shown, SOLUTION)).toMatchObject({ previousCode: "mine", revision: 2 });
  });
});

describe("restorePrevious", () => {
  it("brings back the code the solution replaced, and forgets it", () => {
    const restored = restorePrevious(showSolution({ ...fresh(), code: "mine" }, SOLUTION));
    expect(restored).toMatchObject({ code: "mine", previousCode: undefined, revision: 2, solutionShown: true });
  });

  it("keeps the current code when nothing was replaced", () => {
    expect(restorePrevious(fresh())).toMatchObject({ code: STARTER, revision: 1 });
  });
});

describe("resetToStarter", () => {
  it("puts the starter code back, keeping the learner's code recoverable", () => {
    expect(resetToStarter({ ...fresh(), code: "mine" }, STARTER)).toMatchObject({
      code: STARTER,
      previousCode: "mine",
      revision: 1,
    });
  });

  it("keeps the earlier replaced code when the starter is already in the editor", () => {
    const state = { ...fresh(), previousCode: "older" };
    expect(resetToStarter(state, STARTER)).toMatchObject({ code: STARTER, previousCode: "older" });
  });
});
