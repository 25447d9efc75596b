import { describe, expect, it } from "vitest";
import { addOnes, columnCount, dot, matVec, maxAbsDiff, mean, solve, sum, transpose, zeros } from "./linalg";

describe("zeros", () => {
  it("makes a vector of n zeros or an m x n matrix of zeros", () => {
    expect(zeros(3)).toEqual([0, 0, 0]);
    expect(zeros(2, 3)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("gives independent rows", () => {
    const Z = zeros(2, 2);
    Z[0][0] = 1;
    expect(Z[1][0]).toBe(0);
  });

  it("rejects negative or fractional sizes", () => {
    expect(() => zeros(-1)).toThrow(RangeError);
    expect(() => zeros(2, 1.5)).toThrow(RangeError);
  });
});

describe("dot and matVec", () => {
  it("computes sum a_i b_i", () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(dot([], [])).toBe(0);
  });

  it("multiplies an m x n matrix by an n-vector", () => {
    expect(
      matVec(
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [1, -1],
      ),
    ).toEqual([-1, -1, -1]);
  });

  it("throws on mismatched shapes", () => {
    expect(() => dot([1, 2], [1])).toThrow(/lengths 2 and 1/);
    expect(() => matVec([[1, 2]], [1, 2, 3])).toThrow(/1x2/);
    expect(() => columnCount([[1, 2], [3]])).toThrow(/ragged/);
  });
});

describe("transpose", () => {
  it("turns m x n into n x m and is its own inverse", () => {
    const A = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(transpose(A)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(transpose(transpose(A))).toEqual(A);
    expect(transpose([])).toEqual([]);
  });
});

describe("addOnes", () => {
  it("prepends a column of ones to a matrix without mutating it", () => {
    const X = [[2], [3]];
    expect(addOnes(X)).toEqual([
      [1, 2],
      [1, 3],
    ]);
    expect(X).toEqual([[2], [3]]);
  });

  it("reads a plain vector as one feature column", () => {
    expect(addOnes([7, 8])).toEqual([
      [1, 7],
      [1, 8],
    ]);
  });
});

describe("sum and mean", () => {
  it("sums and averages", () => {
    expect(sum([1, 2, 3.5])).toBe(6.5);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sum([])).toBe(0);
    expect(mean([])).toBeNaN();
  });
});

describe("maxAbsDiff", () => {
  it("gives the largest absolute difference of vectors and matrices", () => {
    expect(maxAbsDiff([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(maxAbsDiff([[1, 2]], [[1, -2]])).toBe(4);
    expect(maxAbsDiff([], [])).toBe(0);
  });

  it("is NaN when a value is NaN and throws on shape mismatch", () => {
    expect(maxAbsDiff([1, Number.NaN], [1, 2])).toBeNaN();
    expect(() => maxAbsDiff([1], [1, 2])).toThrow(RangeError);
    expect(() => maxAbsDiff([[1]], [1])).toThrow(RangeError);
  });
});

describe("solve", () => {
  it("solves a system that needs a row swap (partial pivoting)", () => {
    const A = [
      [0, 2, 1],
      [1, 1, 1],
      [2, 1, 0],
    ];
    const x = [1, -2, 3];
    const b = matVec(A, x);
    expect(maxAbsDiff(solve(A, b), x)).toBeLessThan(1e-12);
    expect(A[0]).toEqual([0, 2, 1]);
  });

  it("throws on a singular matrix", () => {
    expect(() =>
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow(/singular/);
  });
});
