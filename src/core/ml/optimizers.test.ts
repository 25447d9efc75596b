import { describe, expect, it } from "vitest";
import {
  adamStep,
  logisticLossAndGradient,
  logisticOptimum,
  momentumStep,
  rmspropStep,
  sgdStep,
  trainWithOptimizer,
} from "./optimizers";
import { createRng } from "./prng";

describe("update rules, against values computed by hand from the published formulas", () => {
  it("sgd: p - lr g", () => {
    expect(sgdStep([1, -2], [0.5, -1], {}, { learningRate: 0.1 }).params).toEqual([0.95, -1.9]);
  });

  it("momentum (tf.train.momentum form): v = mu v + g, p = p - lr v, over two steps", () => {
    const one = momentumStep([1], [2], { velocity: [0] }, { learningRate: 0.1, momentum: 0.9 });
    expect(one.state.velocity).toEqual([2]);
    expect(one.params[0]).toBeCloseTo(0.8, 15);
    const two = momentumStep(one.params, [1], one.state, { learningRate: 0.1, momentum: 0.9 });
    expect(two.state.velocity[0]).toBeCloseTo(2.8, 15); // 0.9 * 2 + 1
    expect(two.params[0]).toBeCloseTo(0.52, 15); // 0.8 - 0.1 * 2.8
  });

  it("rmsprop puts epsilon inside the square root, as tfjs does", () => {
    // s = 0.1 * 2^2 = 0.4; p = 1 - 0.01 * 2 / sqrt(0.4 + 1e-7)
    const step = rmspropStep([1], [2], { meanSquare: [0] }, { learningRate: 0.01, decay: 0.9, epsilon: 1e-7 });
    expect(step.state.meanSquare[0]).toBeCloseTo(0.4, 15);
    expect(step.params[0]).toBeCloseTo(1 - 0.02 / Math.sqrt(0.4000001), 15);
    // With a tiny gradient the placement matters: sqrt(1e-9 + 1e-6), not sqrt(1e-9) + 1e-6.
    const tiny = rmspropStep([0], [1e-4], { meanSquare: [0] }, { learningRate: 0.01, decay: 0.9, epsilon: 1e-6 });
    expect(tiny.params[0]).toBeCloseTo(-(0.01 * 1e-4) / Math.sqrt(1.001e-6), 15);
    expect(tiny.params[0]).not.toBeCloseTo(-(0.01 * 1e-4) / (Math.sqrt(1e-9) + 1e-6), 5);
  });

  it("adam follows Kingma & Ba (2015) Algorithm 1 with bias correction, over two steps", () => {
    const hp = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    const one = adamStep([1, 1], [0.5, -2], { m: [0, 0], v: [0, 0], t: 0 }, hp);
    // Step 1: mhat = g, vhat = g^2, so the step is lr g / (|g| + eps), almost lr sign(g).
    expect(one.state.t).toBe(1);
    expect(one.params[0]).toBeCloseTo(1 - (0.1 * 0.5) / (0.5 + 1e-8), 15);
    expect(one.params[1]).toBeCloseTo(1 + (0.1 * 2) / (2 + 1e-8), 15);
    // Step 2 with g = [0.1, 1]: m1 = 0.9*0.05 + 0.1*0.1 = 0.055, v1 = 0.999*0.00025 + 0.001*0.01 = 0.00025975.
    const two = adamStep(one.params, [0.1, 1], one.state, hp);
    expect(two.state.m[0]).toBeCloseTo(0.055, 15);
    expect(two.state.v[0]).toBeCloseTo(0.00025975, 15);
    const mhat = 0.055 / (1 - 0.81);
    const vhat = 0.00025975 / (1 - 0.999 ** 2);
    expect(two.params[0]).toBeCloseTo(one.params[0] - (0.1 * mhat) / (Math.sqrt(vhat) + 1e-8), 14);
    expect(two.params[0]).toBeCloseTo(0.8196959, 7);
  });

  it("steps are pure: inputs are not changed", () => {
    const state = { m: [0.1], v: [0.2], t: 3 };
    const params = [1];
    adamStep(params, [1], state, { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(state).toEqual({ m: [0.1], v: [0.2], t: 3 });
    expect(params).toEqual([1]);
  });
});

describe("logisticLossAndGradient and logisticOptimum", () => {
  const rng = createRng(4);
  const X = Array.from({ length: 40 }, () => [rng.normal(), rng.normal(0, 2)]);
  const y = X.map(([a, b]) => (rng.next() < 1 / (1 + Math.exp(-(a - 0.5 * b))) ? 1 : 0));

  it("has a gradient that matches central finite differences", () => {
    const w = [0.3, -0.7];
    const { grad } = logisticLossAndGradient(X, y, w, 0.1, [0, 3, 5, 8]);
    const h = 1e-6;
    w.forEach((_, j) => {
      const at = (d: number) =>
        logisticLossAndGradient(
          X,
          y,
          w.map((v, k) => (k === j ? v + d : v)),
          0.1,
          [0, 3, 5, 8],
        ).loss;
      expect(grad[j]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 8);
    });
  });

  it("finds a point where the full gradient vanishes", () => {
    const w = logisticOptimum(X, y, 0.05);
    logisticLossAndGradient(X, y, w, 0.05).grad.forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-10));
  });

  it("lets every optimizer lower the loss on a mini-batch schedule", () => {
    const batches = Array.from({ length: 40 }, (_, k) => [k % 40, (k + 7) % 40, (k + 19) % 40]);
    const base = {
      learningRate: 0.05,
      momentum: 0.9,
      decay: 0.9,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
      lambda: 0.05,
    };
    const start = logisticLossAndGradient(X, y, [2, 2], 0.05).loss;
    for (const optimizer of ["sgd", "momentum", "rmsprop", "adam"] as const) {
      const run = trainWithOptimizer(X, y, [2, 2], batches, { ...base, optimizer });
      expect(run.history).toHaveLength(40);
      expect(run.path).toHaveLength(41);
      expect(run.history[39].loss).toBeLessThan(start);
    }
  });
});
