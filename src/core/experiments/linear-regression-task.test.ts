import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import type { LoadedDataset } from "../ml/dataset-types";
import { generateCityProfits } from "../ml/datasets/city-profits";
import { computeCost, gradientDescent } from "../ml/linear-regression";
import { createRng } from "../ml/prng";
import { LinearRegressionTaskError, prepareLinearRegression, scoreLinearRegression } from "./linear-regression-task";

const dataset: LoadedDataset = {
  id: "city-profits",
  version: 1,
  sha256: "unused-in-these-tests",
  columns: ["population", "profit"],
  rows: generateCityProfits(),
};

const spec: ExperimentSpec = {
  title: "fit",
  task: "linear-regression",
  dataset: { id: "city-profits", version: 1 },
  split: { test: 0.2, seed: 42 },
  seed: 7,
  init: "zeros",
  params: { alpha: 0.01, iterations: 1500 },
  learner: "gradientDescent",
  reference: "gdReference",
};

describe("prepareLinearRegression", () => {
  it("splits 97 rows into 78 train and 19 test rows with an intercept column", () => {
    const p = prepareLinearRegression(dataset, spec);
    expect(p.XTrain).toHaveLength(78);
    expect(p.XTest).toHaveLength(19);
    expect(p.yTrain).toHaveLength(78);
    expect(p.yTest).toHaveLength(19);
    expect([...p.XTrain, ...p.XTest].every((row) => row.length === 2 && row[0] === 1)).toBe(true);
    expect(p.initialTheta).toEqual([0, 0]);
  });

  it("keeps each row's feature and target together and uses every row once", () => {
    const p = prepareLinearRegression(dataset, spec);
    const rebuilt = [...p.XTrain.map((x, i) => [x[1], p.yTrain[i]]), ...p.XTest.map((x, i) => [x[1], p.yTest[i]])];
    const key = (r: number[]) => r.join(",");
    expect(rebuilt.map(key).sort()).toEqual(dataset.rows.map(key).sort());
  });

  it("is deterministic and follows the split seed", () => {
    expect(prepareLinearRegression(dataset, spec)).toEqual(prepareLinearRegression(dataset, spec));
    const other = prepareLinearRegression(dataset, { ...spec, split: { test: 0.2, seed: 43 } });
    expect(other.yTest).not.toEqual(prepareLinearRegression(dataset, spec).yTest);
  });

  it("draws random initial parameters from createRng(spec.seed) in [-0.5, 0.5)", () => {
    const p = prepareLinearRegression(dataset, { ...spec, init: "random" });
    const rng = createRng(7);
    expect(p.initialTheta).toEqual([rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)]);
    expect(prepareLinearRegression(dataset, { ...spec, init: "random", seed: 8 }).initialTheta).not.toEqual(
      p.initialTheta,
    );
  });

  it("does not mutate the dataset", () => {
    const before = JSON.stringify(dataset);
    const p = prepareLinearRegression(dataset, spec);
    p.XTrain[0][1] = -1;
    expect(JSON.stringify(dataset)).toBe(before);
  });

  it("refuses a spec for another dataset with a coded error", () => {
    const wrong = { ...spec, dataset: { id: "city-profits", version: 2 } };
    expect(() => prepareLinearRegression(dataset, wrong)).toThrow(LinearRegressionTaskError);
    try {
      prepareLinearRegression(dataset, wrong);
    } catch (e) {
      expect((e as LinearRegressionTaskError).code).toBe("wrong-dataset");
    }
  });
});

describe("scoreLinearRegression", () => {
  it("is computeCost on each part", () => {
    const p = prepareLinearRegression(dataset, spec);
    const { theta } = gradientDescent(p.XTrain, p.yTrain, p.initialTheta, 0.01, 1500);
    const score = scoreLinearRegression(theta, p);
    expect(score.trainCost).toBe(computeCost(p.XTrain, p.yTrain, theta));
    expect(score.testCost).toBe(computeCost(p.XTest, p.yTest, theta));
    expect(score.trainCost).toBeLessThan(scoreLinearRegression([0, 0], p).trainCost);
  });

  it("gives non-finite costs for non-finite parameters and refuses the wrong length", () => {
    const p = prepareLinearRegression(dataset, spec);
    expect(scoreLinearRegression([Number.NaN, 0], p).trainCost).toBeNaN();
    expect(() => scoreLinearRegression([0, 0, 0], p)).toThrow(/3 entries, expected 2/);
  });
});
