/**
 * Guards the numbers lesson 11 (lessons/11-optimization.md) states: each
 * figure is read from the prose (stated-numbers.ts) and recomputed on
 * correlated-features@1 with the reference optimizers (optimizers.ts). The
 * experiments' inputs (split, seeded batches, start) are rebuilt here from
 * the split and PRNG modules, independently of the experiment task, and the
 * optimum is checked against a gradient of zero.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNumericCsv, type NumericTable } from "./csv";
import {
  logisticLossAndGradient,
  logisticOptimum,
  trainWithOptimizer,
  type OptimizerConfig,
  type OptimizerName,
} from "./optimizers";
import { createRng } from "./prng";
import { splitTrainTest } from "./split";
import { asStated, parseStatedNumbers, statedNumbers, values } from "./stated-numbers";

const lessonText = readFileSync(new URL("../../../lessons/11-optimization.md", import.meta.url), "utf8");
const rows = (
  parseNumericCsv(
    readFileSync(new URL("../../../public/datasets/correlated-features-v1.csv", import.meta.url), "utf8"),
  ) as NumericTable
).rows;

// The experiments: 20% held out (seed 42), 10 epochs of batches of 16 from createRng(7), start (-2, 2), lambda 0.01.
const { train } = splitTrainTest(rows, { test: 0.2, seed: 42 });
const X = train.map((r) => r.slice(0, 2));
const y = train.map((r) => r[2]);
const rng = createRng(7);
const batches: number[][] = [];
for (let epoch = 0; epoch < 10; epoch++) {
  const order = rng.shuffle(X.map((_, i) => i));
  for (let k = 0; k < order.length; k += 16) batches.push(order.slice(k, k + 16));
}
const lambda = 0.01;
const optimum = logisticOptimum(X, y, lambda);
const minimum = logisticLossAndGradient(X, y, optimum, lambda).loss;

const NAMES: readonly OptimizerName[] = ["sgd", "momentum", "rmsprop", "adam"];
function run(optimizer: OptimizerName, learningRate: number) {
  const config: OptimizerConfig = {
    optimizer,
    learningRate,
    momentum: 0.9,
    decay: 0.9,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
    lambda,
  };
  const { w } = trainWithOptimizer(X, y, [-2, 2], batches, config);
  return {
    loss: logisticLossAndGradient(X, y, w, lambda).loss,
    distance: Math.hypot(w[0] - optimum[0], w[1] - optimum[1]),
  };
}

/** The table's rates (header row) and, per optimizer row, the stated distances and the bold (tuned) rate. */
function table() {
  const line = (start: string) => lessonText.split("\n").find((l) => l.startsWith(start))!;
  const rates = values(parseStatedNumbers(line("| $\\alpha$ |")));
  const rowOf = (label: string) => {
    const cells = line(`| ${label} |`).split("|").slice(2, -1);
    return { stated: cells.map((c) => parseStatedNumbers(c)[0]), bold: cells.findIndex((c) => c.includes("**")) };
  };
  return { rates, rows: ["SGD", "momentum", "RMSProp", "Adam"].map(rowOf) };
}

describe("lesson 11 values on correlated-features@1", () => {
  const { rates, rows: tableRows } = table();
  const results = NAMES.map((name) => rates.map((rate) => run(name, rate)));
  const tuned = results.map((byRate) => byRate.indexOf(byRate.reduce((a, b) => (b.loss < a.loss ? b : a))));

  it("has 160 training rows, 100 batches and a true optimum (zero gradient)", () => {
    expect([X.length, batches.length]).toEqual([160, 100]);
    expect(Math.hypot(...logisticLossAndGradient(X, y, optimum, lambda).grad)).toBeLessThan(1e-12);
    const stated = statedNumbers(lessonText, "`correlated-features@1` has", 2);
    const corr = (() => {
      const xs = rows.map((r) => r[0]);
      const zs = rows.map((r) => r[1]);
      const mean = (v: number[]) => v.reduce((s, t) => s + t, 0) / v.length;
      const [mx, mz] = [mean(xs), mean(zs)];
      const cov = mean(xs.map((v, i) => (v - mx) * (zs[i] - mz)));
      return cov / Math.sqrt(mean(xs.map((v) => (v - mx) ** 2)) * mean(zs.map((v) => (v - mz) ** 2)));
    })();
    expect(asStated([rows.length, corr], stated)).toEqual(values(stated));
  });

  it("states every distance of the learning-rate table, and marks the rate with the lowest final training loss", () => {
    expect(rates).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5]);
    tableRows.forEach(({ stated, bold }, k) => {
      expect(
        asStated(
          results[k].map((r) => r.distance),
          stated,
        ),
      ).toEqual(values(stated));
      expect(bold).toBe(tuned[k]);
    });
  });

  it("runs each experiment at its tuned rate", () => {
    NAMES.forEach((_, code) => {
      expect(lessonText).toMatch(new RegExp(`params: \\{ optimizer: ${code}, learningRate: ${rates[tuned[code]]}, `));
    });
  });

  it("states the tuned losses against the minimum, the spread of distances, and the rate-sensitivity claims", () => {
    const best = results.map((byRate, k) => byRate[tuned[k]]);
    const losses = best.map((b) => b.loss);
    const distances = best.map((b) => b.distance);
    // "training losses from 0.6038 (Adam) to 0.6058 (RMSProp), against a minimum of 0.6029, and within 0.07 to 0.22"
    const close = statedNumbers(lessonText, "Tuned, all four end close:", 7);
    expect(
      asStated(
        [Math.min(...losses), Math.max(...losses), minimum, Math.min(...distances), Math.max(...distances), 1, 2],
        close,
      ),
    ).toEqual(values(close));
    expect([losses.indexOf(Math.min(...losses)), losses.indexOf(Math.max(...losses))]).toEqual([3, 2]);
    const sgdDistances = results[0].map((r) => r.distance);
    expect(rates[sgdDistances.indexOf(Math.min(...sgdDistances))]).toBe(1);
    // "at 0.01 all are still more than 2.5 from the optimum"
    expect(results.every((byRate) => byRate[0].distance > 2.5)).toBe(true);
    // "The useful range (ending within 0.5 of the optimum) is narrow: it spans a factor of 4 ... for SGD and momentum, 10 for RMSProp and 20 for Adam ... 0.5 to 2 for SGD, 0.05 to 0.2 for momentum"
    const useful = results.map((byRate) => rates.filter((_, i) => byRate[i].distance < 0.5));
    const span = useful.map((r) => Math.max(...r) / Math.min(...r));
    const spans = statedNumbers(lessonText, "within 0.5 of the optimum) is narrow", 3);
    expect(span[1]).toBe(span[0]);
    expect(asStated([span[0], span[2], span[3]], spans)).toEqual(values(spans));
    expect([useful[0], useful[1]]).toEqual([
      [0.5, 1, 2],
      [0.05, 0.1, 0.2],
    ]);
    // "At alpha = 5 Adam degrades the most gracefully"
    const atFive = results.map((byRate) => byRate[8].distance);
    expect(atFive.indexOf(Math.min(...atFive))).toBe(3);
  });

  it("states the narrow-valley figures: plain descent after 60 steps at 0.019, and the epsilon example", () => {
    // f(w) = (w1^2 + 100 w2^2) / 2: stable for alpha < 2/100; w1 shrinks by (1 - alpha) per step.
    const stated = statedNumbers(lessonText, "Plain gradient descent must keep", 5);
    expect(lessonText).toContain("sgdStep(w, grad(w), s, { learningRate: 0.019 })");
    expect(lessonText).toContain("let w = [-4, 1.5];");
    expect(asStated([2, 100, 60, -4, -4 * (1 - 0.019) ** 60], stated)).toEqual(values(stated));
    // "$s = 10^{-9}$ and $\\varepsilon = 10^{-6}$, $\\sqrt{s + \\varepsilon} \\approx 10^{-3}$ while $\\sqrt{s} + \\varepsilon \\approx 3.3 \\times 10^{-5}$"
    const eps = statedNumbers(lessonText, "$s = 10^{-9}$", 3);
    expect(asStated([1e-6, Math.sqrt(1e-9 + 1e-6), Math.sqrt(1e-9) + 1e-6], eps)).toEqual(values(eps));
  });
});
