import { describe, expect, it } from "vitest";
import { generateExamAdmissions } from "./exam-admissions";
import { generateMicrochipQa } from "./microchip-qa";

describe("the generated datasets of lessons 2-4", () => {
  it("has 0/1 labels with both classes in the classification sets", () => {
    for (const rows of [generateExamAdmissions(), generateMicrochipQa()]) {
      const labels = rows.map((r) => r[2]);
      expect(labels.every((l) => l === 0 || l === 1)).toBe(true);
      expect(new Set(labels).size).toBe(2);
    }
  });
});
