import { describe, expect, it } from "vitest";
import { applyNormalization, featureNormalize } from "./feature-normalize";

describe("featureNormalize", () => {
  it("gives columns with mean 0 and sample standard deviation 1, and returns the statistics", () => {
    const X = [
      [1, 10],
      [2, 20],
      [3, 30],
      [10, 5],
    ];
    const { Xnorm, mu, sigma } = featureNormalize(X);
    expect(mu).toEqual([4, 16.25]);
    for (let j = 0; j < 2; j++) {
      const col = Xnorm.map((r) => r[j]);
      expect(col.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
      expect(col.reduce((s, v) => s + v * v, 0) / (col.length - 1)).toBeCloseTo(1, 12);
    }
    expect(sigma[0]).toBeCloseTo(Math.sqrt((9 + 4 + 1 + 36) / 3), 12);
    expect(X[0]).toEqual([1, 10]);
  });

  it("only centres a constant column and refuses a single row", () => {
    const { Xnorm, sigma } = featureNormalize([
      [5, 1],
      [5, 2],
    ]);
    expect(sigma[0]).toBe(1);
    expect(Xnorm.map((r) => r[0])).toEqual([0, 0]);
    expect(() => featureNormalize([[1, 2]])).toThrow(RangeError);
  });

  it("applies stored statistics to new rows", () => {
    expect(applyNormalization([[3, 7]], [1, 5], [2, 4])).toEqual([[1, 0.5]]);
  });
});
