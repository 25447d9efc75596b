/**
 * Guards the numbers lesson 8 (lessons/08-support-vector-machines.md) states:
 * each figure is read from the prose (see stated-numbers.ts) and recomputed
 * on the shipped files with the reference SVM (svm.ts), with `svmExact`
 * (dual coordinate ascent to a closed duality gap) as the optimum that
 * sub-gradient training is measured against.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNumericCsv, type NumericTable } from "./csv";
import { createRng } from "./prng";
import { splitTrainTest } from "./split";
import { asStated, statedNumbers, values } from "./stated-numbers";
import {
  gaussianKernel,
  gramMatrix,
  linearKernel,
  signedLabels,
  svmAccuracy,
  svmExact,
  svmObjective,
  svmTrain,
} from "./svm";

const lessonText = readFileSync(new URL("../../../lessons/08-support-vector-machines.md", import.meta.url), "utf8");
const load = (file: string) =>
  parseNumericCsv(readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), "utf8")) as NumericTable;
const outliers = load("svm-outlier-v1.csv").rows;
const wavy = load("svm-nonlinear-v1.csv").rows;
const part = (rows: number[][]) => ({ X: rows.map((r) => r.slice(0, 2)), y: signedLabels(rows.map((r) => r[2])) });

/** The setup's split: rng(seed).shuffle of the rows, 150 / 50 / 50. */
function splitOf(seed: number) {
  const shuffled = createRng(seed).shuffle(wavy);
  return { train: part(shuffled.slice(0, 150)), val: part(shuffled.slice(150, 200)), test: part(shuffled.slice(200)) };
}

const Cs = [1, 10, 100, 1000];
const sigmas = [0.1, 0.2, 0.4, 0.8];

/** The check's grid: for each (sigma, C), 1000 steps of svmTrain and the exact optimum, with both accuracies. */
function grid(seed: number, iterations: number) {
  const { train, val, test } = splitOf(seed);
  return sigmas.flatMap((sigma) =>
    Cs.map((C) => {
      const kernel = (a: readonly number[], b: readonly number[]) => gaussianKernel(a, b, sigma);
      const K = gramMatrix(train.X, train.X, kernel);
      const [Gv, Gt] = [val, test].map((p) => gramMatrix(p.X, train.X, kernel));
      const beta = svmTrain(K, train.y, C, iterations).theta;
      const exact = svmExact(K, train.y, C).beta;
      return {
        sigma,
        C,
        val: svmAccuracy(Gv, val.y, beta),
        test: svmAccuracy(Gt, test.y, beta),
        exactVal: svmAccuracy(Gv, val.y, exact),
        exactTest: svmAccuracy(Gt, test.y, exact),
        excess: svmObjective(K, train.y, beta, C) / svmObjective(K, train.y, exact, C) - 1,
      };
    }),
  );
}
const cached = new Map<string, ReturnType<typeof grid>>();
const gridOf = (seed: number) => {
  const key = String(seed);
  if (!cached.has(key)) cached.set(key, grid(seed, 1000));
  return cached.get(key)!;
};

/** The first cell with the highest validation accuracy, in the check's order (sigma, then C). */
const winner = (cells: ReturnType<typeof grid>) => cells.reduce((best, c) => (c.val > best.val ? c : best));

describe("lesson 8 values", { timeout: 60_000 }, () => {
  it("states the data sets' sizes and the setup's split", () => {
    // "51 points ... 250 points in [-1, 1]^2 ... 6% of the labels flipped ... 150 training, 50 validation and 50 test points"
    const stated = statedNumbers(lessonText, "- `svm-outlier@1`:", 8);
    const corners = wavy.flatMap((r) => r.slice(0, 2));
    const { train, val, test } = splitOf(22);
    expect(
      asStated(
        [
          outliers.length,
          wavy.length,
          Math.min(...corners),
          Math.max(...corners),
          0.06,
          train.y.length,
          val.y.length,
          test.y.length,
        ],
        stated,
      ),
    ).toEqual(values(stated));
    expect(Math.min(...corners)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...corners)).toBeLessThanOrEqual(1);
    expect(lessonText).toContain("const shuffled = rng(22).shuffle(");
  });

  it("states how far 2,000 steps get from the linear SVM's optimum on svm-outlier@1 (C = 1000 and C = 100)", () => {
    const X = outliers.map((r) => r.slice(0, 2));
    const y = signedLabels(outliers.map((r) => r[2]));
    const K = gramMatrix(X, X, linearKernel);
    const J = (C: number) => ({
      steps: svmTrain(K, y, C, 2000).history[1999].loss,
      optimum: svmObjective(K, y, svmExact(K, y, C).beta, C),
    });
    const [big, mid] = [J(1000), J(100)];
    const stated = statedNumbers(lessonText, "its objective is", 5);
    expect(asStated([big.steps, big.optimum, 100, mid.steps, mid.optimum], stated)).toEqual(values(stated));
    expect(lessonText).toContain("16.757857, { tol: 1e-4 }");
    expect(mid.steps).toBeCloseTo(16.757857, 6);
  });

  it("states the grid after 1,000 steps: every point classifies as its exact optimum does, and the winner holds up on test", () => {
    const cells = gridOf(22);
    for (const c of cells) expect([c.val, c.test]).toEqual([c.exactVal, c.exactTest]);
    const { val } = splitOf(22);
    const narrow = cells[0];
    const best = winner(cells);
    const goodOnes = cells.filter((c) => c.C >= 100).map((c) => c.val);
    // "Each model gets 1,000 steps ... at C = 1000 the objective is still up to 6.5% above its minimum"
    const head = statedNumbers(lessonText, "**Reading the grid.** Each model gets", 3);
    const worst = Math.max(...cells.map((c) => c.excess));
    expect(cells.find((c) => c.excess === worst)?.C).toBe(1000);
    expect(asStated([1000, 1000, worst], head)).toEqual(values(head));
    // "It scores 60% on validation, where always answering +1 would score 58%. Settings with sigma from 0.1 to 0.8 and C >= 100 all reach 90-96%."
    const corner = statedNumbers(lessonText, "except right next to a training point. It scores", 10);
    const positives = val.y.filter((v) => v > 0).length / val.y.length;
    expect(
      asStated(
        [narrow.val, 1, positives, 0.1, 0.8, 100, 100 * Math.min(...goodOnes), Math.max(...goodOnes), 50, 0.02],
        corner,
      ),
    ).toEqual(values(corner));
    // "the grid's winner (C = 100, sigma = 0.2, 96% on validation) scores 94% on the test points"
    const win = statedNumbers(lessonText, "The check prints what happens next: the grid's winner", 4);
    expect(asStated([best.C, best.sigma, best.val, best.test], win)).toEqual(values(win));
    expect(lessonText).toContain("best.accuracy, 0.96, { tol: 1e-9 }");
    expect(lessonText).toContain("validationAccuracy(train, val, 1, 0.1, 1000), 0.6, { tol: 1e-9 }");
    expect(cells.find((c) => c.C === 10 && c.sigma === 0.4)?.val).toBe(0.9);
  });

  it("states what another shuffle (rng(4)) does to the winner", () => {
    const best = winner(gridOf(4));
    const stated = statedNumbers(lessonText, "and the winner\ndrops from", 2);
    expect(asStated([best.val, best.test], stated)).toEqual(values(stated));
  });

  it("states that the experiment's 200 steps are within 0.2% of the optimum and classify as it does", () => {
    const { train, test } = splitTrainTest(wavy, { test: 0.2, seed: 42 });
    const [tr, te] = [part(train), part(test)];
    const kernel = (a: readonly number[], b: readonly number[]) => gaussianKernel(a, b, 0.4);
    const K = gramMatrix(tr.X, tr.X, kernel);
    const G = gramMatrix(te.X, tr.X, kernel);
    const beta = svmTrain(K, tr.y, 100, 200).theta;
    const exact = svmExact(K, tr.y, 100).beta;
    const [J, Jmin] = [svmObjective(K, tr.y, beta, 100), svmObjective(K, tr.y, exact, 100)];
    expect(lessonText).toContain("params: { C: 100, sigma: 0.4, iterations: 200 }");
    expect([svmAccuracy(K, tr.y, beta), svmAccuracy(G, te.y, beta)]).toEqual([
      svmAccuracy(K, tr.y, exact),
      svmAccuracy(G, te.y, exact),
    ]);
    const stated = statedNumbers(lessonText, "At this $C$, 200 steps", 5);
    expect(asStated([J / Jmin - 1, J, Jmin, svmAccuracy(K, tr.y, beta), svmAccuracy(G, te.y, beta)], stated)).toEqual(
      values(stated),
    );
  });
});
