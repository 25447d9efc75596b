import { describe, expect, it } from "vitest";
import { compareValues, formatNumber, formatValue } from "./compare";

describe("compareValues", () => {
  it("accepts numbers within the absolute tolerance and rejects others", () => {
    expect(compareValues(32.075, 32.07, 0.01).passed).toBe(true);
    expect(compareValues(32.2, 32.07, 0.01)).toMatchObject({
      passed: false,
      message: expect.stringContaining("differs by 0.13"),
    });
  });

  it("compares nested arrays and typed arrays element by element", () => {
    expect(compareValues(new Float64Array([1, 2.0000001]), [1, 2], 1e-6).passed).toBe(true);
    expect(
      compareValues(
        [
          [1, 2],
          [3, 5],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        1e-6,
      ).message,
    ).toContain("value[1][1]");
    expect(compareValues([1, 2, 3], [1, 2], 1e-6).message).toContain("length 3, expected 2");
  });

  it("fails NaN and wrong types with a message a learner can act on", () => {
    expect(compareValues(NaN, 1, 1).message).toBe("value is NaN");
    expect(compareValues(undefined, 1, 1).message).toContain("should be a number, got undefined");
    expect(compareValues(5, [5], 1).message).toContain("should be an array");
  });

  it("uses deep equality for non-numeric values", () => {
    expect(compareValues({ a: [1, "x"] }, { a: [1, "x"] }, 0).passed).toBe(true);
    expect(compareValues("yes", "no", 0).passed).toBe(false);
  });
});

describe("formatValue", () => {
  it("shows 6 significant digits and elides long arrays", () => {
    expect(formatNumber(32.0727301)).toBe("32.0727");
    expect(formatNumber(1.5e-9)).toBe("1.500e-9");
    expect(formatValue(Array.from({ length: 10 }, (_, i) => i))).toBe("[0, 1, 2, 3, 4, 5, 6, 7, … 2 more]");
  });
});
