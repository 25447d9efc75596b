import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDataset } from "../datasets-registry";
import { sha256Hex } from "../sha256";
import { generateKmeansBlobs, kmeansBlobsCsv } from "./kmeans-blobs";
import { generatePca3d, pca3dCsv } from "./pca-3d";

const cases = [
  { id: "kmeans-blobs", text: () => kmeansBlobsCsv(generateKmeansBlobs()) },
  { id: "pca-3d", text: () => pca3dCsv(generatePca3d()) },
];

describe("lesson 9 datasets determinism guard", () => {
  for (const { id, text } of cases) {
    it(`${id}@1 regenerates byte-identical CSV that matches its registry checksum`, async () => {
      const entry = findDataset(id, 1)!;
      const shipped = readFileSync(new URL(`../../../../public/datasets/${entry.file}`, import.meta.url), "utf8");
      expect(text()).toBe(shipped);
      expect(await sha256Hex(shipped)).toBe(entry.sha256);
      expect(shipped.trim().split("\n")).toHaveLength(entry.rows + 1);
    });
  }
});
