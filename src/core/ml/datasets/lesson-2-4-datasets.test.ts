import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDataset } from "../datasets-registry";
import { sha256Hex } from "../sha256";
import { examAdmissionsCsv, generateExamAdmissions } from "./exam-admissions";
import { generateHousePrices, housePricesCsv } from "./house-prices";
import { generateMicrochipQa, microchipQaCsv } from "./microchip-qa";

const cases = [
  { id: "house-prices", text: housePricesCsv(generateHousePrices()) },
  { id: "exam-admissions", text: examAdmissionsCsv(generateExamAdmissions()) },
  { id: "microchip-qa", text: microchipQaCsv(generateMicrochipQa()) },
];

describe("the generated datasets of lessons 2-4", () => {
  for (const { id, text } of cases) {
    it(`${id}@1: the generator reproduces the shipped file, its registry checksum and row count`, async () => {
      const entry = findDataset(id, 1)!;
      const shipped = readFileSync(new URL(`../../../../public/datasets/${entry.file}`, import.meta.url), "utf8");
      expect(text).toBe(shipped);
      expect(await sha256Hex(text)).toBe(entry.sha256);
      expect(text.trimEnd().split("\n")).toHaveLength(entry.rows + 1);
      const card = readFileSync(new URL(`../../../../public/datasets/${entry.file.replace(/\.csv$/, ".md")}`, import.meta.url), "utf8");
      expect(card).toContain(entry.sha256);
    });
  }

  it("has 0/1 labels with both classes in the classification sets", () => {
    for (const rows of [generateExamAdmissions(), generateMicrochipQa()]) {
      const labels = rows.map((r) => r[2]);
      expect(labels.every((l) => l === 0 || l === 1)).toBe(true);
      expect(new Set(labels).size).toBe(2);
    }
  });
});
