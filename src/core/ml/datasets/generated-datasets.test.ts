import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DATASETS, findDataset } from "../datasets-registry";
import { sha256Hex } from "../sha256";
import { GENERATED_DATASETS } from "./generated-datasets";

describe("every generated dataset (determinism guard)", () => {
  for (const { id, version, csv } of GENERATED_DATASETS) {
    it(`${id}@${version}: the generator reproduces the shipped file byte for byte, its registered checksum and row count`, async () => {
      const entry = findDataset(id, version)!;
      expect(entry, `${id}@${version} is in the registry`).toBeDefined();
      const shipped = readFileSync(new URL(`../../../../public/datasets/${entry.file}`, import.meta.url), "utf8");
      const text = csv();
      expect(text).toBe(shipped);
      expect(await sha256Hex(shipped)).toBe(entry.sha256);
      expect(shipped.trimEnd().split("\n")).toHaveLength(entry.rows + 1);
    });
  }
});

describe("every registered dataset", () => {
  for (const entry of DATASETS) {
    it(`${entry.id}@${entry.version} ships with a data card that states its SHA-256`, () => {
      const card = readFileSync(
        new URL(`../../../../public/datasets/${entry.file.replace(/\.csv$/, ".md")}`, import.meta.url),
        "utf8",
      );
      expect(card).toContain(entry.sha256);
    });
  }
});
