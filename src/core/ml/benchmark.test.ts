import { describe, expect, it } from "vitest";
import { gflopsOf, matMulFlat, seededSquare, timeJsMatMul } from "./benchmark";

describe("matMulFlat", () => {
  it("multiplies row-major matrices", () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    const b = Float64Array.from([5, 6, 7, 8]);
    expect(Array.from(matMulFlat(a, b, 2))).toEqual([19, 22, 43, 50]);
  });

  it("leaves a matrix unchanged when multiplied by the identity", () => {
    const a = seededSquare(5, 3);
    const identity = Float64Array.from({ length: 25 }, (_, i) => (i % 6 === 0 ? 1 : 0));
    expect(Array.from(matMulFlat(a, identity, 5))).toEqual(Array.from(a));
  });
});

describe("gflopsOf", () => {
  it("counts 2 n^3 flops: a 1000 x 1000 multiply in 1 s is 2 GFLOP/s", () => {
    expect(gflopsOf(1000, 1000)).toBeCloseTo(2, 12);
  });
});

describe("timeJsMatMul", () => {
  it("repeats until the time budget is spent and reports consistent figures", () => {
    let clock = 0;
    const now = () => (clock += 30);
    const result = timeJsMatMul(8, now);
    expect(result.repeats).toBeGreaterThan(1);
    expect(result.gflops).toBeCloseTo(gflopsOf(8, result.msPerOp), 12);
  });
});
