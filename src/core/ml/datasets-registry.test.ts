import { describe, expect, it } from "vitest";
import { DATASETS, findDataset, parseDatasetRef } from "./datasets-registry";

describe("DATASETS", () => {
  it("has unique id@version pairs and well-formed entries", () => {
    const keys = DATASETS.map((d) => `${d.id}@${d.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of DATASETS) {
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(d.file).toMatch(/^[a-z0-9-]+\.csv$/);
      expect(d.columns.length).toBeGreaterThanOrEqual(2);
      expect(d.rows).toBeGreaterThan(0);
    }
  });
});

describe("findDataset", () => {
  it("finds city-profits version 1 and nothing for unknown versions", () => {
    expect(findDataset("city-profits", 1)).toMatchObject({
      file: "city-profits-v1.csv",
      rows: 97,
      columns: ["population", "profit"],
    });
    expect(findDataset("city-profits", 2)).toBeUndefined();
    expect(findDataset("nope", 1)).toBeUndefined();
  });
});

describe("parseDatasetRef", () => {
  it("splits id@version", () => {
    expect(parseDatasetRef("city-profits@1")).toEqual({ id: "city-profits", version: 1 });
    expect(parseDatasetRef(" iris@12 ")).toEqual({ id: "iris", version: 12 });
  });

  it("returns null for malformed references", () => {
    for (const bad of [
      "city-profits",
      "city-profits@",
      "@1",
      "city-profits@0",
      "city-profits@01",
      "city-profits@1.5",
      "City@1",
      "a@1@2",
    ]) {
      expect(parseDatasetRef(bad)).toBeNull();
    }
  });
});
