import { describe, expect, it } from "vitest";
import { splitTrainTest } from "./split";

const rows = Array.from({ length: 97 }, (_, i) => [i, 2 * i]);

describe("splitTrainTest", () => {
  it("gives the same split for the same seed", () => {
    expect(splitTrainTest(rows, { test: 0.2, seed: 42 })).toEqual(splitTrainTest(rows, { test: 0.2, seed: 42 }));
  });

  it("holds out round(n * test) rows, disjoint from train, covering every row once", () => {
    const { train, test } = splitTrainTest(rows, { test: 0.2, seed: 42 });
    expect(test).toHaveLength(19);
    expect(train).toHaveLength(78);
    const ids = [...train, ...test].map((r) => r[0]).sort((a, b) => a - b);
    expect(ids).toEqual(rows.map((r) => r[0]));
  });

  it("keeps the original row order within each part and returns the same row objects", () => {
    const { train, test } = splitTrainTest(rows, { test: 0.3, seed: 1 });
    for (const part of [train, test]) {
      const ids = part.map((r) => r[0]);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    expect(rows).toContain(train[0]);
  });

  it("gives a different split for a different seed", () => {
    const a = splitTrainTest(rows, { test: 0.2, seed: 42 }).test.map((r) => r[0]);
    const b = splitTrainTest(rows, { test: 0.2, seed: 43 }).test.map((r) => r[0]);
    expect(a).not.toEqual(b);
  });

  it("keeps at least one row in each part when n > 1", () => {
    expect(splitTrainTest([1, 2, 3], { test: 0.01, seed: 1 }).test).toHaveLength(1);
    expect(splitTrainTest([1, 2, 3], { test: 1, seed: 1 }).train).toHaveLength(1);
    expect(splitTrainTest([1], { test: 0.5, seed: 1 })).toEqual({ train: [1], test: [] });
    expect(splitTrainTest([], { test: 0.5, seed: 1 })).toEqual({ train: [], test: [] });
  });

  it("does not mutate the input and rejects fractions outside [0, 1]", () => {
    const input = [5, 4, 3, 2, 1];
    splitTrainTest(input, { test: 0.4, seed: 9 });
    expect(input).toEqual([5, 4, 3, 2, 1]);
    expect(() => splitTrainTest(input, { test: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => splitTrainTest(input, { test: Number.NaN, seed: 1 })).toThrow(RangeError);
  });
});
