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
});
