/**
 * Guards the numbers lesson 6 (lessons/06-neural-network-learning.md) checks:
 * recomputed on the shipped digits with a vectorized ml-matrix backprop
 * (independent of neural-network.ts) from the task's seeded start, and each
 * must appear verbatim in the lesson text.
 */
import { readFileSync } from "node:fs";
import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import type { ExperimentSpec } from "../lesson/types";
import { findDataset } from "./datasets-registry";
import { verifyDataset } from "./load-dataset";
import { initialParams, parameterCount, reshapeParams } from "./neural-network";
import { createRng } from "./prng";
import { neuralNetworkTask } from "../experiments/neural-network-experiment";
import { asStated, statedNumbers, values } from "./stated-numbers";

const lessonText = readFileSync(new URL("../../../lessons/06-neural-network-learning.md", import.meta.url), "utf8");

const g = (M: Matrix) => new Matrix(M.to2DArray().map((r) => r.map((z) => 1 / (1 + Math.exp(-z)))));
const ones = (M: Matrix) => new Matrix(M.to2DArray().map((r) => [1, ...r]));
const noBias = (T: Matrix) => T.subMatrix(0, T.rows - 1, 1, T.columns - 1);

/** Cost, gradient and training accuracy of a 64-16-10 network, vectorized with ml-matrix. */
function evaluate(p: number[], X: Matrix, Y: Matrix, labels: number[], lambda: number) {
  const m = X.rows;
  const T1 = new Matrix(reshapeParams(p, [64, 16, 10]).Theta1);
  const T2 = new Matrix(reshapeParams(p, [64, 16, 10]).Theta2);
  const A1 = ones(X);
  const A2 = g(A1.mmul(T1.transpose()));
  const A2b = ones(A2);
  const A3 = g(A2b.mmul(T2.transpose()));
  let ce = 0;
  A3.to2DArray().forEach((r, i) => r.forEach((a, k) => (ce -= Y.get(i, k) ? Math.log(a) : Math.log(1 - a))));
  const cost = ce / m + (lambda / (2 * m)) * (noBias(T1).pow(2).sum() + noBias(T2).pow(2).sum());
  const D3 = A3.clone().sub(Y);
  const D2 = D3.mmul(noBias(T2)).mul(A2).mul(Matrix.ones(A2.rows, A2.columns).sub(A2));
  const reg = (T: Matrix) => {
    const R = T.clone().mul(lambda / m);
    for (let r = 0; r < R.rows; r++) R.set(r, 0, 0);
    return R;
  };
  const grad = [
    ...D2.transpose().mmul(A1).div(m).add(reg(T1)).to1DArray(),
    ...D3.transpose().mmul(A2b).div(m).add(reg(T2)).to1DArray(),
  ];
  const predicted = A3.to2DArray().map((r) => r.indexOf(Math.max(...r)));
  return { cost, grad, accuracy: predicted.filter((d, i) => d === labels[i]).length / m };
}

describe("lesson 6 check values on digits-8x8@1 (359 training rows, 64-16-10)", () => {
  it("states the initial cost, gradient entries, and the cost and accuracy after 50 steps", async () => {
    const entry = findDataset("digits-8x8", 1)!;
    const verified = await verifyDataset(
      entry,
      new Uint8Array(readFileSync(new URL(`../../../public/datasets/${entry.file}`, import.meta.url))),
    );
    if (!verified.ok) throw new Error(verified.message);
    const spec = {
      task: "neural-network",
      dataset: { id: "digits-8x8", version: 1 },
      split: { test: 0.8, seed: 42 },
      seed: 7,
      init: "random",
      params: { hidden: 16, lambda: 1, alpha: 2, iterations: 120, epsilonInit: 0.12 },
    } as unknown as ExperimentSpec;
    const prepared = neuralNetworkTask.prepare(verified.dataset, spec);
    const [Xs, labels, sizes, start] = prepared.args as [number[][], number[], number[], number[]];
    expect([Xs.length, prepared.testRows, ...sizes, start.length]).toEqual([
      359,
      1438,
      64,
      16,
      10,
      parameterCount([64, 16, 10]),
    ]);
    expect(start).toEqual(initialParams(createRng(7), [64, 16, 10], 0.12));

    const X = new Matrix(Xs);
    const Y = new Matrix(labels.map((l) => Array.from({ length: 10 }, (_, k) => (l === k ? 1 : 0))));
    const at0 = evaluate(start, X, Y, labels, 0);
    const r6 = (v: number) => Number(v.toFixed(6));
    expect(r6(at0.cost)).toBe(7.212153);
    expect(r6(evaluate(start, X, Y, labels, 1).cost)).toBe(7.220028);
    expect([at0.grad[0], at0.grad[1040], at0.grad[1209]].map(r6)).toEqual([0.016409, 0.439592, 0.236399]);
    const g3 = evaluate(start, X, Y, labels, 3).grad;
    expect([g3[0], g3[3 * 65 + 20], g3[1209]].map(r6)).toEqual([0.016409, 0.002833, 0.235864]);
    for (const s of ["7.212153", "7.220028", "[0.016409, 0.439592, 0.236399]", "[0.016409, 0.002833, 0.235864]"])
      expect(lessonText).toContain(s);

    let p = start.slice();
    let current = evaluate(p, X, Y, labels, 1);
    for (let step = 0; step < 50; step++) {
      p = p.map((v, i) => v - 2 * current.grad[i]);
      current = evaluate(p, X, Y, labels, 1);
    }
    expect(r6(current.cost)).toBe(2.3547);
    expect(r6(current.accuracy)).toBe(0.626741);
    expect(lessonText).toContain("?? NaN, 2.354700,");
    expect(lessonText).toContain("accuracy(X, y), 0.626741,");
    expect(prepared.score(p).trainCost).toBeCloseTo(current.cost, 10);
  });

  it("states the rule-of-thumb initialisation range per matrix of the 64-16-10 network, and the 0.12 it uses", () => {
    const [n, h, K] = [64, 16, 10];
    const range = (lIn: number, lOut: number) => Math.sqrt(6) / Math.sqrt(lIn + lOut);
    // "here $\sqrt{6} / \sqrt{64 + 16} \approx 0.274$ for Theta1 and $\sqrt{6} / \sqrt{16 + 10} \approx 0.480$ for Theta2 ... 0.12"
    const stated = statedNumbers(lessonText, "for each matrix: here", 9);
    expect(asStated([6, n, h, range(n, h), 6, h, K, range(h, K), 0.12], stated)).toEqual(values(stated));
    expect(initialParams(createRng(7), [n, h, K], 0.12).every((w) => Math.abs(w) <= 0.12)).toBe(true);
  });
});
