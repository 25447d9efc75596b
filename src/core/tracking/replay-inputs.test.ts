import { describe, expect, it } from "vitest";
import type { Lesson } from "../lesson/types";
import { sampleRun } from "./fixtures";
import { buildReplayInputs } from "./replay-inputs";
import { validateRun } from "./schemas";

describe("buildReplayInputs", () => {
  it("keeps a lesson-defined experiment's metric, prepare and predict, and the run validates", () => {
    const lesson = {
      setup: [{ id: "setup", code: "export const standardise = (d) => d;" }],
      meta: { formatVersion: 1 },
    };
    const spec = {
      title: "kNN",
      task: "lesson-defined" as never,
      dataset: { id: "microchip-qa", version: 1 },
      split: { test: 0.25, seed: 3 },
      seed: 1,
      init: "zeros" as const,
      params: { k: 5 },
      learner: "knnPredict",
      reference: "tfKnn",
      metric: "accuracy" as const,
      prepare: "standardise",
      predict: "predictLabels",
    };
    const replay = buildReplayInputs({
      lesson: lesson as unknown as Lesson,
      spec,
      cells: [{ id: "knnPredict", code: "export const knnPredict = () => [];" }],
      reference: { id: "tfKnn", code: "" },
      lessonSha256: "a".repeat(64),
    });
    expect(replay.spec).toMatchObject({ metric: "accuracy", prepare: "standardise", predict: "predictLabels" });
    const result = validateRun(sampleRun({ replay }));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("leaves out the spec's controls (they do not change a run), so a run of a lesson with controls validates", () => {
    const spec = {
      title: "Fit",
      task: "linear-regression" as const,
      dataset: { id: "city-profits", version: 1 },
      split: { test: 0.2, seed: 42 },
      seed: 7,
      init: "zeros" as const,
      params: { alpha: 0.02, iterations: 1500 },
      learner: "gradientDescent",
      reference: "gdReference",
      controls: { alpha: { min: 0.001, max: 0.03, step: 0.001, scale: "log" as const } },
    };
    const replay = buildReplayInputs({
      lesson: { setup: [], meta: { formatVersion: 1 } } as unknown as Lesson,
      spec,
      cells: [],
      reference: { id: "gdReference", code: "" },
      lessonSha256: "a".repeat(64),
    });
    expect(replay.spec).not.toHaveProperty("controls");
    expect(replay.spec).toMatchObject({ params: { alpha: 0.02, iterations: 1500 } });
    const result = validateRun(sampleRun({ replay }));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});
