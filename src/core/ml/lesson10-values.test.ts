/**
 * Guards the numbers lesson 10 (lessons/10-anomaly-detection-and-recommender-systems.md)
 * states: each figure is read from the prose (stated-numbers.ts) and
 * recomputed on the shipped files with the reference math
 * (anomaly-detection.ts, collaborative-filtering.ts). The experiment's inputs
 * (split, item means, seeded start) are rebuilt here from the split and PRNG
 * modules, independently of the experiment task.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { confusionAt, estimateGaussian, f1Score, gaussianDensity, selectThreshold } from "./anomaly-detection";
import { cofiGradientDescent, normalizeRatings, ratingRmse } from "./collaborative-filtering";
import { parseNumericCsv, type NumericTable } from "./csv";
import { createRng } from "./prng";
import { splitTrainTest } from "./split";
import { asStated, statedNumbers, values } from "./stated-numbers";

const lessonText = readFileSync(
  new URL("../../../lessons/10-anomaly-detection-and-recommender-systems.md", import.meta.url),
  "utf8",
);
const load = (file: string) =>
  (parseNumericCsv(readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), "utf8")) as NumericTable)
    .rows;

describe("lesson 10, part 1: anomaly detection on server-metrics@1", () => {
  const rows = load("server-metrics-v1.csv");
  const part = (k: number) => rows.filter((r) => r[2] === k);
  const Xtrain = part(0).map((r) => r.slice(0, 2));
  const Xval = part(1).map((r) => r.slice(0, 2));
  const yval = part(1).map((r) => r[3]);
  const { mu, sigma2 } = estimateGaussian(Xtrain);
  const pval = gaussianDensity(Xval, mu, sigma2);

  it("states 300 training and 300 validation servers", () => {
    const stated = statedNumbers(lessonText, "You monitor", 3);
    expect(asStated([Xtrain.length, Xtrain.length, Xval.length], stated)).toEqual(values(stated));
  });

  it("states 7 anomalies among the 300 validation servers, so 'never anomalous' is 97.7% accurate", () => {
    const anomalies = yval.filter((v) => v === 1).length;
    const stated = statedNumbers(lessonText, "Accuracy would be useless here: with", 3);
    expect(asStated([anomalies, yval.length, 1 - anomalies / yval.length], stated)).toEqual(values(stated));
  });

  it("states the grid's step, the span of the densities, and F1 over the distinct densities", () => {
    const [lo, hi] = [Math.min(...pval), Math.max(...pval)];
    const byDensity = Math.max(...pval.map((eps) => f1Score(confusionAt(yval, pval, eps))));
    // "The 1,001 evenly spaced thresholds are 7.3e-5 apart, but the validation densities span 2e-10 to 0.073 ... F1 = 0.875"
    const stated = statedNumbers(lessonText, "**A design flaw in the grid.** The", 5);
    expect(asStated([1001, (hi - lo) / 1000, lo, hi, byDensity], stated)).toEqual(values(stated));
    expect(byDensity).toBeGreaterThan(selectThreshold(yval, pval).f1);
    expect(selectThreshold(yval, pval).f1).toBeCloseTo(0.833333, 6);
  });
});

describe("lesson 10, part 2: collaborative filtering on item-ratings@1", () => {
  const ratings = load("item-ratings-v1.csv");
  const nm = Math.max(...ratings.map((r) => r[0])) + 1;
  const nu = Math.max(...ratings.map((r) => r[1])) + 1;
  // The experiment: 20% of the ratings held out (seed 42), item means from the training ratings, N(0, 0.3^2) start from createRng(7).
  const { train, test } = splitTrainTest(ratings, { test: 0.2, seed: 42 });
  const Y = Array.from({ length: nm }, () => new Array<number>(nu).fill(0));
  const R = Array.from({ length: nm }, () => new Array<number>(nu).fill(0));
  for (const [i, j, r] of train) [Y[i][j], R[i][j]] = [r, 1];
  const { Ynorm, mu } = normalizeRatings(Y, R);
  function fit(k: number, lambda: number, iterations = 300) {
    const rng = createRng(7);
    const block = (n: number) => Array.from({ length: n }, () => Array.from({ length: k }, () => rng.normal(0, 0.3)));
    const [X0, Theta0] = [block(nm), block(nu)];
    const { X, Theta, history } = cofiGradientDescent(Ynorm, R, X0, Theta0, lambda, 0.01, iterations);
    return {
      cost: history[iterations - 1].loss,
      trainRmse: ratingRmse(X, Theta, mu, train),
      heldOut: ratingRmse(X, Theta, mu, test),
    };
  }

  it("states 634 ratings from 1 to 5 of 40 items by 30 users, about half of the table missing", () => {
    const stars = ratings.map((r) => r[2]);
    const stated = statedNumbers(lessonText, "`item-ratings@1` holds", 8);
    expect(asStated([ratings.length, Math.min(...stars), Math.max(...stars), nm, nu, nm, nu, nm], stated)).toEqual(
      values(stated),
    );
    expect(Math.abs(1 - ratings.length / (nm * nu) - 0.5)).toBeLessThan(0.05);
  });

  it("states the item-mean baseline (1.23 stars) and the 300-step, 3-feature model (0.82) on the held-out ratings", () => {
    const zeros = (n: number) => Array.from({ length: n }, () => [0]);
    const baseline = ratingRmse(zeros(nm), zeros(nu), mu, test);
    const stated = statedNumbers(lessonText, "For scale: predicting every held-out rating", 2);
    expect(asStated([baseline, fit(3, 1).heldOut], stated)).toEqual(values(stated));
    expect(lessonText).toContain("params: { numFeatures: 3, lambda: 1, alpha: 0.01, iterations: 300 }");
  });

  it("states 210 parameters for 507 training ratings, and what 10 features or lambda = 0 do after 300 steps", () => {
    const base = fit(3, 1);
    const wide = fit(10, 1);
    const free = fit(3, 0);
    const size = statedNumbers(lessonText, "the model has", 2);
    expect(asStated([(nm + nu) * 3, train.length], size)).toEqual(values(size));
    // "10 features instead of 3 (lambda = 1): the training RMSE falls from 0.432 to 0.228 and the held-out RMSE rises from 0.822 to 0.919"
    const features = statedNumbers(lessonText, "**10 features instead of 3**", 5);
    expect(asStated([1, base.trainRmse, wide.trainRmse, base.heldOut, wide.heldOut], features)).toEqual(
      values(features),
    );
    // "lambda = 0 (3 features): the reported training cost falls from 91.2 to 49.6 ... (0.432 to 0.442, ... 300 steps) ... from 0.822 to 0.930"
    const noPenalty = statedNumbers(lessonText, "**$\\lambda = 0$** (3 features)", 7);
    expect(
      asStated([base.cost, free.cost, base.trainRmse, free.trainRmse, 300, base.heldOut, free.heldOut], noPenalty),
    ).toEqual(values(noPenalty));
    expect(free.trainRmse).toBeGreaterThan(base.trainRmse);
  });
});
