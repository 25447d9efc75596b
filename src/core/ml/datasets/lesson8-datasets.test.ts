import { describe, expect, it } from "vitest";
import { generateSvmOutlier } from "./svm-outlier";

describe("lesson 8 datasets", () => {
  it("svm-outlier@1 has an empty band 4.3 <= x1 + x2 <= 5.7 except for its outlier", () => {
    const rows = generateSvmOutlier();
    expect(rows.slice(0, -1).every(([a, b]) => a + b < 4.3 || a + b > 5.7)).toBe(true);
    expect(rows[rows.length - 1]).toEqual([0.6, 3.7, 1]);
  });
});
