import { describe, expect, it } from "vitest";
import { Matrix as MlMatrix } from "ml-matrix";
import { cofiCostFunction, cofiGradientDescent, normalizeRatings, ratingRmse } from "./collaborative-filtering";
import { createRng } from "./prng";

function randomProblem(seed: number, nm = 5, nu = 4, k = 3) {
  const rng = createRng(seed);
  const block = (r: number) => Array.from({ length: r }, () => Array.from({ length: k }, () => rng.normal()));
  const X = block(nm);
  const Theta = block(nu);
  const R = Array.from({ length: nm }, () => Array.from({ length: nu }, () => (rng.next() < 0.6 ? 1 : 0)));
  const Y = R.map((row) => row.map((r) => (r ? 1 + rng.int(5) : 0)));
  return { X, Theta, Y, R };
}

describe("cofiCostFunction", () => {
  it("has the closed-form cost and gradients on one rating (x = 1, theta = 2, y = 3, lambda = 1)", () => {
    // J = (xθ - y)²/2 + λ(x² + θ²)/2 = 1/2 + 5/2; dJ/dx = (xθ - y)θ + λx = -1; dJ/dθ = (xθ - y)x + λθ = 1.
    const out = cofiCostFunction([[1]], [[2]], [[3]], [[1]], 1);
    expect(out.cost).toBeCloseTo(3, 14);
    expect(out.XGrad).toEqual([[-1]]);
    expect(out.ThetaGrad).toEqual([[1]]);
  });

  it("ignores unrated entries whatever Y holds there", () => {
    const { X, Theta, Y, R } = randomProblem(3);
    const garbage = Y.map((row, i) => row.map((y, j) => (R[i][j] ? y : 1e6)));
    expect(cofiCostFunction(X, Theta, garbage, R, 0.7)).toEqual(cofiCostFunction(X, Theta, Y, R, 0.7));
  });

  it("agrees with the matrix form computed by ml-matrix", () => {
    const { X, Theta, Y, R } = randomProblem(5, 6, 5, 2);
    const lambda = 0.4;
    const [Xm, Tm, Ym, Rm] = [X, Theta, Y, R].map((A) => new MlMatrix(A));
    const E = Xm.mmul(Tm.transpose()).sub(Ym);
    for (let i = 0; i < E.rows; i++) for (let j = 0; j < E.columns; j++) E.set(i, j, E.get(i, j) * Rm.get(i, j));
    const expectedCost =
      0.5 * E.to1DArray().reduce((s, e) => s + e * e, 0) + (lambda / 2) * (Xm.norm() ** 2 + Tm.norm() ** 2);
    const out = cofiCostFunction(X, Theta, Y, R, lambda);
    expect(out.cost).toBeCloseTo(expectedCost, 10);
    const XGrad = E.mmul(Tm).add(Xm.clone().mul(lambda)).to2DArray();
    const TGrad = E.transpose().mmul(Xm).add(Tm.clone().mul(lambda)).to2DArray();
    XGrad.forEach((row, i) => row.forEach((g, f) => expect(out.XGrad[i][f]).toBeCloseTo(g, 10)));
    TGrad.forEach((row, j) => row.forEach((g, f) => expect(out.ThetaGrad[j][f]).toBeCloseTo(g, 10)));
  });

  it("has gradients that match central finite differences", () => {
    const { X, Theta, Y, R } = randomProblem(11);
    const lambda = 1.5;
    const { XGrad, ThetaGrad } = cofiCostFunction(X, Theta, Y, R, lambda);
    const h = 1e-5;
    const numeric = (which: "X" | "Theta", a: number, f: number) => {
      const bump = (d: number) => {
        const Xc = X.map((r) => r.slice());
        const Tc = Theta.map((r) => r.slice());
        (which === "X" ? Xc : Tc)[a][f] += d;
        return cofiCostFunction(Xc, Tc, Y, R, lambda).cost;
      };
      return (bump(h) - bump(-h)) / (2 * h);
    };
    X.forEach((row, i) => row.forEach((_, f) => expect(XGrad[i][f]).toBeCloseTo(numeric("X", i, f), 6)));
    Theta.forEach((row, j) => row.forEach((_, f) => expect(ThetaGrad[j][f]).toBeCloseTo(numeric("Theta", j, f), 6)));
  });
});

describe("cofiGradientDescent", () => {
  it("lowers the cost at every step and leaves its inputs alone", () => {
    const { X, Theta, Y, R } = randomProblem(8);
    const before = JSON.stringify([X, Theta]);
    const fit = cofiGradientDescent(Y, R, X, Theta, 1, 0.02, 50);
    expect(JSON.stringify([X, Theta])).toBe(before);
    fit.history.forEach((h, i) => i > 0 && expect(h.loss).toBeLessThan(fit.history[i - 1].loss));
    expect(fit.history[0].loss).toBeLessThan(cofiCostFunction(X, Theta, Y, R, 1).cost);
  });
});

describe("normalizeRatings and ratingRmse", () => {
  it("subtracts each item's mean over rated entries and adds it back in predictions", () => {
    const { Ynorm, mu } = normalizeRatings(
      [
        [4, 0, 2],
        [0, 0, 0],
      ],
      [
        [1, 0, 1],
        [0, 0, 0],
      ],
    );
    expect(mu).toEqual([3, 0]);
    expect(Ynorm).toEqual([
      [1, 0, -1],
      [0, 0, 0],
    ]);
    expect(
      ratingRmse(
        [[0]],
        [[0], [0], [0]],
        [3],
        [
          [0, 0, 4],
          [0, 2, 2],
        ],
      ),
    ).toBeCloseTo(1, 14);
  });
});
