import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDataset } from "../datasets-registry";
import { sha256Hex } from "../sha256";
import { generateSvmNonlinear, svmNonlinearCsv } from "./svm-nonlinear";
import { generateSvmOutlier, svmOutlierCsv } from "./svm-outlier";

const cases = [
  { id: "svm-outlier", text: () => svmOutlierCsv(generateSvmOutlier()) },
  { id: "svm-nonlinear", text: () => svmNonlinearCsv(generateSvmNonlinear()) },
];

describe("lesson 8 datasets determinism guard", () => {
  for (const { id, text } of cases) {
    it(`${id}@1 regenerates byte-identical CSV that matches its registry checksum`, async () => {
      const entry = findDataset(id, 1)!;
      const shipped = readFileSync(new URL(`../../../../public/datasets/${entry.file}`, import.meta.url), "utf8");
      expect(text()).toBe(shipped);
      expect(await sha256Hex(shipped)).toBe(entry.sha256);
      expect(shipped.trim().split("\n")).toHaveLength(entry.rows + 1);
    });
  }

  it("svm-outlier@1 has an empty band 4.3 <= x1 + x2 <= 5.7 except for its outlier", () => {
    const rows = generateSvmOutlier();
    expect(rows.slice(0, -1).every(([a, b]) => a + b < 4.3 || a + b > 5.7)).toBe(true);
    expect(rows[rows.length - 1]).toEqual([0.6, 3.7, 1]);
  });
});
