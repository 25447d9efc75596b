import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import { lineInBox, prepareClassification } from "./classification-task";
import { prepareNormalizedRegression } from "./linear-regression-normalized-experiment";
import { findTask } from "./registry";

const spec = (task: ExperimentSpec["task"], params: Record<string, number> = {}): ExperimentSpec => ({
  title: "t",
  task,
  dataset: { id: "toy", version: 1 },
  split: { test: 0.25, seed: 1 },
  seed: 3,
  init: "zeros",
  params,
  learner: "f",
  reference: "r",
});
const rows = Array.from({ length: 16 }, (_, i) => [i, (i * 7) % 5, i % 2]);
const dataset = { id: "toy", version: 1, sha256: "", columns: ["a", "b", "label"], rows };

describe("linear-regression-normalized task", () => {
  it("standardizes with training statistics only and keeps a leading column of ones", () => {
    const prepared = prepareNormalizedRegression(dataset, spec("linear-regression-normalized"));
    const col = (j: number) => prepared.XTrain.map((r) => r[j]);
    expect(col(0).every((v) => v === 1)).toBe(true);
    expect(col(1).reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
    const rawTest = prepared.XTest.map((r) => r[1] * prepared.sigma[0] + prepared.mu[0]);
    expect(rawTest.every((v) => Number.isInteger(Math.round(v * 1e9) / 1e9))).toBe(true);
  });

  it("is registered and refuses another task's spec", () => {
    expect(findTask("linear-regression-normalized")).toBeDefined();
    expect(() => prepareNormalizedRegression(dataset, spec("linear-regression"))).toThrow(
      /not linear-regression-normalized/,
    );
  });
});

describe("classification tasks", () => {
  it("refuses labels other than 0 and 1", () => {
    const bad = { ...dataset, rows: rows.map((r) => [r[0], r[1], 2]) };
    expect(() =>
      prepareClassification(bad, spec("logistic-regression"), "logistic-regression", () => (raw) => raw),
    ).toThrow(/0\/1 labels/);
  });

  it("gives the regularized task 28 polynomial columns and scores with the penalty", () => {
    const prepared = findTask("regularized-logistic-regression")!.prepare(
      dataset,
      spec("regularized-logistic-regression", { alpha: 1, iterations: 1, lambda: 4 }),
    );
    expect(prepared.initialTheta).toHaveLength(28);
    const theta = prepared.initialTheta.map((_, j) => (j === 0 ? 0 : 0.01));
    const withPenalty = prepared.score(theta).trainCost;
    const penaltyOnly = (4 / (2 * prepared.trainRows)) * 27 * 0.0001;
    expect(withPenalty).toBeGreaterThan(penaltyOnly);
  });

  it("logistic-regression plots the boundary as a segment inside the data box", () => {
    const prepared = findTask("logistic-regression")!.prepare(
      dataset,
      spec("logistic-regression", { alpha: 1, iterations: 1 }),
    );
    const [plot] = prepared.plots!([{ name: "a", theta: [0, 1, 1] }]);
    expect(plot.kind).toBe("scatter");
    if (plot.kind === "scatter") expect(plot.lines?.[0].points).toHaveLength(2);
  });
});

describe("lineInBox", () => {
  const box = { x0: 0, x1: 10, y0: 0, y1: 10 };
  it("clips x + y - 10 = 0 to the diagonal's end points", () => {
    expect(lineInBox(1, 1, -10, box)).toEqual([
      { x: 0, y: 10 },
      { x: 10, y: 0 },
    ]);
  });
  it("handles vertical lines and misses", () => {
    expect(lineInBox(1, 0, -5, box)).toEqual([
      { x: 5, y: 0 },
      { x: 5, y: 10 },
    ]);
    expect(lineInBox(1, 1, 100, box)).toEqual([]);
    expect(lineInBox(0, 0, 1, box)).toEqual([]);
  });
});
