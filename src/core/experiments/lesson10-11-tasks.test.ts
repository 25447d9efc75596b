import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { findDataset } from "../ml/datasets-registry";
import { logisticLossAndGradient } from "../ml/optimizers";
import {
  prepareCollaborativeFiltering,
  scoreCollaborativeFiltering,
  unflattenCofi,
} from "./collaborative-filtering-experiment";
import { findTask } from "./registry";
import { prepareOptimizers, scoreOptimizers } from "./optimizers-experiment";

function load(id: string): LoadedDataset {
  const entry = findDataset(id, 1)!;
  const lines = readFileSync(new URL(`../../../public/datasets/${entry.file}`, import.meta.url), "utf8")
    .trim()
    .split("\n");
  return {
    id,
    version: 1,
    sha256: entry.sha256,
    columns: lines[0].split(","),
    rows: lines.slice(1).map((l) => l.split(",").map(Number)),
  };
}

const spec = (task: string, dataset: string, params: Record<string, number>): ExperimentSpec =>
  ({
    title: "t",
    task,
    dataset: { id: dataset, version: 1 },
    split: { test: 0.2, seed: 42 },
    seed: 7,
    init: "zeros",
    params,
    learner: "f",
    reference: "r",
  }) as ExperimentSpec;

describe("collaborative-filtering task", () => {
  const ratings = load("item-ratings");
  const s = spec("collaborative-filtering", "item-ratings", { numFeatures: 3, lambda: 1, alpha: 0.01, iterations: 5 });

  it("is registered and builds 40 x 30 Y/R from the training ratings only, with seeded random starts", () => {
    expect(findTask("collaborative-filtering")).toBeDefined();
    const p = prepareCollaborativeFiltering(ratings, s);
    expect(p.train.length + p.test.length).toBe(634);
    expect(p.R.flat().reduce((a, b) => a + b, 0)).toBe(p.train.length);
    expect([p.X0.length, p.X0[0].length, p.Theta0.length]).toEqual([40, 3, 30]);
    expect(p.X0.flat().some((x) => x !== 0)).toBe(true);
    expect(prepareCollaborativeFiltering(ratings, s).X0).toEqual(p.X0);
    // Normalised training ratings average 0 per item.
    p.Ynorm.forEach((row, i) => expect(row.reduce((a, y, j) => a + y * p.R[i][j], 0)).toBeCloseTo(0, 10));
  });

  it("scores the item-mean baseline (all-zero factors) at about 1.23 stars held out", () => {
    const p = prepareCollaborativeFiltering(ratings, s);
    const zeros = new Array<number>((40 + 30) * 3).fill(0);
    const score = scoreCollaborativeFiltering(zeros, p);
    expect(score.heldOutRmse).toBeCloseTo(1.226, 3);
    expect(unflattenCofi([...p.X0.flat(), ...p.Theta0.flat()], p)).toEqual({ X: p.X0, Theta: p.Theta0 });
    expect(() => scoreCollaborativeFiltering([1, 2], p)).toThrow(/expected/);
  });
});

describe("optimizers task", () => {
  const data = load("correlated-features");
  const s = spec("optimizers", "correlated-features", {
    optimizer: 3,
    learningRate: 0.1,
    batchSize: 16,
    epochs: 10,
    lambda: 0.01,
    start1: -2,
    start2: 2,
  });

  it("is registered and draws the same batches for the same seed, covering every row once per epoch", () => {
    expect(findTask("optimizers")).toBeDefined();
    const p = prepareOptimizers(data, s);
    expect(p.batches).toHaveLength(100);
    expect(prepareOptimizers(data, s).batches).toEqual(p.batches);
    expect(
      p.batches
        .slice(0, 10)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual(p.XTrain.map((_, i) => i));
    expect(p.w0).toEqual([-2, 2]);
    expect(p.config).toMatchObject({ optimizer: "adam", beta2: 0.999, epsilon: 1e-7 });
  });

  it("scores distance 0 and the minimal loss at the optimum", () => {
    const p = prepareOptimizers(data, s);
    const atOptimum = scoreOptimizers(p.optimum, p);
    expect(atOptimum.distanceToOptimum).toBe(0);
    expect(atOptimum.finalLoss).toBeLessThan(
      logisticLossAndGradient(p.XTrain, p.yTrain, [p.optimum[0] + 0.01, p.optimum[1]], 0.01).loss,
    );
    expect(() => prepareOptimizers(data, { ...s, params: { ...s.params, optimizer: 7 } })).toThrow(/optimizer must be/);
  });
});
