/**
 * Guards the numbers lesson 5 (lessons/05-multi-class-classification.md)
 * checks: each is recomputed by an independent route (ml-matrix, all K
 * classifiers as one matrix; a forward pass written with ml-matrix) on the
 * shipped files, and must appear verbatim in the lesson text.
 */
import { readFileSync } from "node:fs";
import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { findDataset } from "./datasets-registry";
import { DIGITS_NN_RECIPE, DIGITS_NN_SIZES } from "./datasets/digits-nn-weights";
import { verifyDataset } from "./load-dataset";
import type { LoadedDataset } from "./dataset-types";
import { oneVsAllTask, prepareOneVsAll, scoreOneVsAll } from "../experiments/one-vs-all-experiment";
import type { ExperimentSpec } from "../lesson/types";
import { asStated, statedNumbers, values } from "./stated-numbers";

const lessonText = readFileSync(new URL("../../../lessons/05-multi-class-classification.md", import.meta.url), "utf8");

async function load(id: string): Promise<LoadedDataset> {
  const entry = findDataset(id, 1)!;
  const bytes = new Uint8Array(readFileSync(new URL(`../../../public/datasets/${entry.file}`, import.meta.url)));
  const verified = await verifyDataset(entry, bytes);
  if (!verified.ok) throw new Error(verified.message);
  return verified.dataset;
}

const g = (z: number) => 1 / (1 + Math.exp(-z));
const sigmoidM = (M: Matrix) => new Matrix(M.to2DArray().map((row) => row.map(g)));
const argmaxRows = (M: Matrix) => M.to2DArray().map((row) => row.indexOf(Math.max(...row)));
const acc = (p: number[], y: number[]) => p.filter((d, i) => d === y[i]).length / y.length;

/** Cost of one classifier written out with ml-matrix (no shared code with one-vs-all.ts). */
function costMl(X: number[][], y: number[], theta: number[], lambda: number): { cost: number; grad: number[] } {
  const Xm = new Matrix(X);
  const h = sigmoidM(Xm.mmul(Matrix.columnVector(theta))).getColumn(0);
  const m = y.length;
  const data = -h.reduce((s, hi, i) => s + y[i] * Math.log(hi) + (1 - y[i]) * Math.log(1 - hi), 0) / m;
  const reg = theta.slice(1).reduce((s, t) => s + t * t, 0) * (lambda / (2 * m));
  const e = Matrix.columnVector(h.map((hi, i) => hi - y[i]));
  const grad = Xm.transpose()
    .mmul(e)
    .div(m)
    .getColumn(0)
    .map((v, j) => v + (j === 0 ? 0 : (lambda / m) * theta[j]));
  return { cost: data + reg, grad };
}

describe("lesson 5 check values", () => {
  it("states the four-example cost and gradients", () => {
    const X = [
      [1, 0.5, -1],
      [1, 1.5, 0.25],
      [1, -0.5, 2],
      [1, 2, 1],
    ];
    const y = [1, 0, 0, 1];
    const plain = costMl(X, y, [0.5, -1, 2], 0);
    const reg = costMl(X, y, [0.5, -1, 2], 2);
    expect(plain.cost).toBeCloseTo(2.020449, 6);
    expect(plain.grad.map((v) => Number(v.toFixed(6)))).toEqual([0.028128, -0.281456, 0.646064]);
    expect(reg.cost).toBeCloseTo(3.270449, 6);
    expect(reg.grad.map((v) => Number(v.toFixed(6)))).toEqual([0.028128, -0.781456, 1.646064]);
    expect(lessonText).toContain("plain.cost, 2.020449,");
    expect(lessonText).toContain("[0.028128, -0.781456, 1.646064]");
  });

  it("states the digit values: a non-zero-theta cost, 50 steps of one-vs-all, accuracies, and the network's accuracy", async () => {
    const digits = await load("digits-8x8");
    const prepared = prepareOneVsAll(digits, { test: 0.25, seed: 42 });
    expect([prepared.yTrain.length, prepared.yTest.length, prepared.scale]).toEqual([1348, 449, 16]);
    const isThree = prepared.yTrain.map((d) => (d === 3 ? 1 : 0));
    const theta = Array.from({ length: 65 }, (_, j) => ((j % 7) - 3) / 10);
    expect(costMl(prepared.XTrain, isThree, theta, 1).cost).toBeCloseTo(0.85343, 5);

    // All ten classifiers as one matrix, 50 steps, alpha 2, lambda 0.1.
    const X = new Matrix(prepared.XTrain);
    const m = prepared.yTrain.length;
    const Y = new Matrix(prepared.yTrain.map((l) => Array.from({ length: 10 }, (_, k) => (l === k ? 1 : 0))));
    const mask = new Matrix(Array.from({ length: 10 }, () => Array.from({ length: 65 }, (_, j) => (j === 0 ? 0 : 1))));
    let Theta = Matrix.zeros(10, 65);
    for (let s = 0; s < 50; s++) {
      const E = sigmoidM(X.mmul(Theta.transpose())).sub(Y);
      const grad = E.transpose()
        .mmul(X)
        .div(m)
        .add(
          Theta.clone()
            .mul(mask)
            .mul(0.1 / m),
        );
      Theta = Theta.sub(grad.mul(2));
    }
    const rows = Theta.to2DArray();
    const meanCost =
      rows.reduce(
        (s, t, k) =>
          s +
          costMl(
            prepared.XTrain,
            prepared.yTrain.map((l) => (l === k ? 1 : 0)),
            t,
            0.1,
          ).cost,
        0,
      ) / 10;
    expect(meanCost).toBeCloseTo(0.073993, 6);
    expect(rows[3][0]).toBeCloseTo(-0.520425, 6);
    expect(acc(argmaxRows(X.mmul(Theta.transpose())), prepared.yTrain)).toBeCloseTo(0.946588, 6);
    expect(acc(argmaxRows(new Matrix(prepared.XTest).mmul(Theta.transpose())), prepared.yTest)).toBeCloseTo(
      0.926503,
      6,
    );
    for (const stated of ["0.073993", "-0.520425", "0.946588", "0.926503", "0.853430"])
      expect(lessonText).toContain(stated);

    // The shared harness scores the same parameters the same way.
    const score = scoreOneVsAll(rows.flat(), prepared, 0.1);
    expect(score.trainCost).toBeCloseTo(meanCost, 10);
    expect(score.testAccuracy).toBeCloseTo(0.926503, 6);

    // The shipped network, forward pass in ml-matrix.
    const w = (await load("digits-nn-weights")).rows;
    const [n, h, K] = DIGITS_NN_SIZES;
    const T1 = new Matrix(
      Array.from({ length: h }, (_, r) => w.slice(r * (n + 1), (r + 1) * (n + 1)).map((row) => row[3])),
    );
    const T2 = new Matrix(
      Array.from({ length: K }, (_, r) =>
        w.slice(h * (n + 1) + r * (h + 1), h * (n + 1) + (r + 1) * (h + 1)).map((row) => row[3]),
      ),
    );
    const predict = (Xb: number[][]) => {
      const A2 = sigmoidM(new Matrix(Xb).mmul(T1.transpose()));
      const A2b = new Matrix(A2.to2DArray().map((row) => [1, ...row]));
      return argmaxRows(sigmoidM(A2b.mmul(T2.transpose())));
    };
    expect(acc(predict(prepared.XTest), prepared.yTest)).toBeCloseTo(0.971047, 6);
    expect(acc(predict(prepared.XTrain), prepared.yTrain)).toBeCloseTo(0.991098, 6);
    expect(lessonText).toContain("0.971047");
    expect(lessonText).toContain("0.991098");
  });
});

describe("lesson 5's fair comparison of one-vs-all and the network", () => {
  it(
    "states one-vs-all's test accuracy after 100, 300 and 1,000 steps (the network's budget) and the error counts",
    { timeout: 120_000 },
    async () => {
      const digits = await load("digits-8x8");
      const prepared = prepareOneVsAll(digits, { test: 0.25, seed: 42 });
      const X = new Matrix(prepared.XTrain);
      const Xs = new Matrix(prepared.XTest);
      const m = prepared.yTrain.length;
      const Y = new Matrix(prepared.yTrain.map((l) => Array.from({ length: 10 }, (_, k) => (l === k ? 1 : 0))));
      const mask = new Matrix(
        Array.from({ length: 10 }, () => Array.from({ length: 65 }, (_, j) => (j === 0 ? 0 : 1))),
      );
      let Theta = Matrix.zeros(10, 65);
      const testAcc = new Map<number, number>();
      for (let s = 1; s <= 1000; s++) {
        const E = sigmoidM(X.mmul(Theta.transpose())).sub(Y);
        Theta = Theta.sub(
          E.transpose()
            .mmul(X)
            .div(m)
            .add(
              Theta.clone()
                .mul(mask)
                .mul(0.1 / m),
            )
            .mul(2),
        );
        if ([50, 100, 300, 1000].includes(s))
          testAcc.set(s, acc(argmaxRows(Xs.mmul(Theta.transpose())), prepared.yTest));
      }
      expect(testAcc.get(50)).toBeCloseTo(0.926503, 6);
      // "Set iterations to 1000 ...: the test accuracy climbs to 95.8% (100 steps already reach 93.8%, 300 steps 95.1%)"
      const longer = statedNumbers(lessonText, "Set `iterations` to", 6);
      expect(asStated([1000, testAcc.get(1000)!, 100, testAcc.get(100)!, 300, testAcc.get(300)!], longer)).toEqual(
        values(longer),
      );
      // "The network reads 97.1% ... 1,000 steps ... alpha = 2 ... 95.8% ... 92.7% of the 50-step checks ... 13 misread test digits instead of 19"
      const network = 0.971047;
      expect(lessonText).toContain(`acc(predicted, ytest), ${network},`);
      const fair = statedNumbers(lessonText, "The network reads", 8);
      const wrong = (a: number) => Math.round((1 - a) * prepared.yTest.length);
      expect(
        asStated(
          [network, 1000, 2, testAcc.get(1000)!, testAcc.get(50)!, 50, wrong(network), wrong(testAcc.get(1000)!)],
          fair,
        ),
      ).toEqual(values(fair));
      expect(lessonText).toContain("params: { lambda: 0.1, alpha: 2, iterations: 50 }");
      expect([DIGITS_NN_RECIPE.iterations, DIGITS_NN_RECIPE.alpha]).toEqual([fair[1].value, fair[2].value]);
    },
  );
});

describe("the one-vs-all task", () => {
  it("passes the seeded split, zero K x n start and params to the learner, and scores theta = 0 as log 2", async () => {
    const digits = await load("digits-8x8");
    const spec = {
      task: "one-vs-all",
      dataset: { id: "digits-8x8", version: 1 },
      split: { test: 0.25, seed: 42 },
      seed: 7,
      init: "zeros",
      params: { lambda: 0.1, alpha: 2, iterations: 5 },
    } as unknown as ExperimentSpec;
    const prepared = oneVsAllTask.prepare(digits, spec);
    const [X, y, initial, lambda, alpha, iterations] = prepared.args as [
      number[][],
      number[],
      number[][],
      number,
      number,
      number,
    ];
    expect([X.length, X[0].length, y.length, initial.length, initial[0].length, lambda, alpha, iterations]).toEqual([
      1348, 65, 1348, 10, 65, 0.1, 2, 5,
    ]);
    const score = prepared.score(prepared.initialTheta);
    expect(score.trainCost).toBeCloseTo(Math.log(2), 12);
    expect(prepared.plots?.([{ name: "zeros", theta: prepared.initialTheta }]).map((p) => p.kind)).toEqual([
      "heatmap",
      "image",
    ]);
  });
});
