/**
 * The "collaborative-filtering" task:
 * `cofiGradientDescent(Y, R, X, Theta, lambda, alpha, iterations)` on a
 * seeded split of known ratings. The dataset is a list of `[item, user,
 * rating]` rows (0-based indices); the held-out part of the split is scored
 * but never seen in training. Y is mean-normalised per item (the item means
 * come from the training ratings), so predictions are X_i . Theta_j + mu_i.
 */
import type { ExperimentSpec } from "../lesson/types";
import type { PlotSpec } from "../plot/plot-types";
import { cofiCostFunction, normalizeRatings, ratingRmse } from "../ml/collaborative-filtering";
import type { LoadedDataset } from "../ml/dataset-types";
import { dot } from "../ml/linalg";
import { createRng } from "../ml/prng";
import { splitTrainTest } from "../ml/split";
import type { ExperimentTaskDefinition } from "./task-types";

/** Everything one experiment needs, made once by `prepareCollaborativeFiltering`. */
export interface PreparedCollaborativeFiltering {
  /** nm x nu training ratings minus the item's training mean where R = 1, 0 elsewhere. */
  Ynorm: number[][];
  /** nm x nu: 1 where the training part has a rating. */
  R: number[][];
  /** Per-item mean of its training ratings (0 for an item with none). */
  mu: number[];
  /** nm x k and nu x k starting parameters, N(0, 0.3^2) from createRng(spec.seed), X first. */
  X0: number[][];
  Theta0: number[][];
  train: number[][];
  test: number[][];
  lambda: number;
}

/** Splits the ratings, builds Y/R and the seeded initial parameters. Throws an Error on a malformed spec or dataset. */
export function prepareCollaborativeFiltering(
  dataset: LoadedDataset,
  spec: ExperimentSpec,
): PreparedCollaborativeFiltering {
  if (dataset.columns.length !== 3)
    throw new Error(`${dataset.id} must have 3 columns (item, user, rating), has ${dataset.columns.length}`);
  const k = spec.params.numFeatures;
  if (!Number.isInteger(k) || k < 1) throw new Error(`numFeatures must be a positive integer, got ${String(k)}`);
  const nm = Math.max(...dataset.rows.map((r) => r[0])) + 1;
  const nu = Math.max(...dataset.rows.map((r) => r[1])) + 1;
  const { train, test } = splitTrainTest(dataset.rows, spec.split);
  const Y = Array.from({ length: nm }, () => new Array<number>(nu).fill(0));
  const R = Array.from({ length: nm }, () => new Array<number>(nu).fill(0));
  for (const [i, j, rating] of train) {
    Y[i][j] = rating;
    R[i][j] = 1;
  }
  const { Ynorm, mu } = normalizeRatings(Y, R);
  // Always random: X = Theta = 0 is a stationary point where every gradient vanishes.
  const rng = createRng(spec.seed);
  const block = (rows: number) =>
    Array.from({ length: rows }, () => Array.from({ length: k }, () => rng.normal(0, 0.3)));
  const X0 = block(nm);
  const Theta0 = block(nu);
  return {
    Ynorm,
    R,
    mu,
    X0,
    Theta0,
    train: train.map((r) => r.slice()),
    test: test.map((r) => r.slice()),
    lambda: spec.params.lambda,
  };
}

/** Splits flattened [X, Theta] (row-major) back into the two matrices. Throws on a wrong length. */
export function unflattenCofi(
  theta: readonly number[],
  prepared: PreparedCollaborativeFiltering,
): { X: number[][]; Theta: number[][] } {
  const k = prepared.X0[0].length;
  const nm = prepared.X0.length;
  const nu = prepared.Theta0.length;
  if (theta.length !== (nm + nu) * k)
    throw new Error(`theta has ${theta.length} numbers, expected (${nm} + ${nu}) x ${k} = ${(nm + nu) * k}`);
  const rows = (start: number, count: number) =>
    Array.from({ length: count }, (_, r) => theta.slice(start + r * k, start + (r + 1) * k));
  return { X: rows(0, nm), Theta: rows(nm * k, nu) };
}

/** trainCost: regularized J on the normalised training ratings; trainRmse, heldOutRmse: in stars, with the item means added back. */
export function scoreCollaborativeFiltering(
  theta: readonly number[],
  prepared: PreparedCollaborativeFiltering,
): Record<string, number> {
  const { X, Theta } = unflattenCofi(theta, prepared);
  return {
    trainCost: cofiCostFunction(X, Theta, prepared.Ynorm, prepared.R, prepared.lambda).cost,
    trainRmse: ratingRmse(X, Theta, prepared.mu, prepared.train),
    heldOutRmse: ratingRmse(X, Theta, prepared.mu, prepared.test),
  };
}

function cofiPlots(prepared: PreparedCollaborativeFiltering, results: { name: string; theta: number[] }[]): PlotSpec[] {
  const fits = results.map(({ name, theta }) => ({ name, ...unflattenCofi(theta, prepared) }));
  const predict = (X: number[][], Theta: number[][], i: number, j: number) => dot(X[i], Theta[j]) + prepared.mu[i];
  const first = fits[0];
  return [
    {
      kind: "scatter",
      title: "Held-out ratings: predicted against actual",
      xLabel: "actual stars",
      yLabel: "predicted stars",
      series: fits.map(({ name, X, Theta }) => ({
        name,
        points: prepared.test.map(([i, j, r]) => ({ x: r, y: predict(X, Theta, i, j) })),
      })),
      lines: [
        {
          name: "perfect prediction",
          points: [
            { x: 1, y: 1 },
            { x: 5, y: 5 },
          ],
        },
      ],
    },
    {
      kind: "heatmap",
      title: `Completed rating matrix (${first.name}): every item for every user`,
      xLabel: "user",
      yLabel: "item",
      xs: first.Theta.map((_, j) => j),
      ys: first.X.map((_, i) => i),
      values: first.X.map((_, i) => first.Theta.map((__, j) => predict(first.X, first.Theta, i, j))),
    },
  ];
}

export const collaborativeFilteringTask: ExperimentTaskDefinition = {
  id: "collaborative-filtering",
  description:
    "collaborative filtering by gradient descent: fn(Ynorm, R, X, Theta, lambda, alpha, iterations) -> { theta: [X, Theta] }; metrics trainCost, trainRmse, heldOutRmse",
  requiredParams: ["numFeatures", "lambda", "alpha", "iterations"],
  prepare(dataset, spec) {
    const prepared = prepareCollaborativeFiltering(dataset, spec);
    return {
      args: [
        prepared.Ynorm,
        prepared.R,
        prepared.X0,
        prepared.Theta0,
        spec.params.lambda,
        spec.params.alpha,
        spec.params.iterations,
      ],
      initialTheta: [...prepared.X0.flat(), ...prepared.Theta0.flat()],
      trainRows: prepared.train.length,
      testRows: prepared.test.length,
      score: (theta) => scoreCollaborativeFiltering(theta, prepared),
      plots: (results) => cofiPlots(prepared, results),
    };
  },
};
