import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DatasetEntry } from "./dataset-types";
import { cityProfitsCsv, generateCityProfits } from "./datasets/city-profits";
import { findDataset } from "./datasets-registry";
import { loadDataset, verifyDataset } from "./load-dataset";
import { sha256Hex } from "./sha256";

const entry = findDataset("city-profits", 1) as DatasetEntry;
const shipped = readFileSync(new URL(`../../../public/datasets/${entry.file}`, import.meta.url));

describe("verifyDataset", () => {
  it("accepts the shipped city-profits@1 file", async () => {
    const result = await verifyDataset(entry, new Uint8Array(shipped));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.sha256).toBe(entry.sha256);
    expect(result.dataset.columns).toEqual(["population", "profit"]);
    expect(result.dataset.rows).toHaveLength(97);
    expect(result.dataset.rows[0]).toEqual(generateCityProfits()[0]);
  });

  it("reports checksum-mismatch with both digests when one byte is changed", async () => {
    const tampered = new Uint8Array(shipped);
    tampered[30] = tampered[30] === 0x31 ? 0x32 : 0x31;
    const result = await verifyDataset(entry, tampered);
    expect(result).toMatchObject({ ok: false, code: "checksum-mismatch" });
    if (result.ok) return;
    expect(result.message).toContain("city-profits@1 (city-profits-v1.csv)");
    expect(result.message).toContain(entry.sha256);
    expect(result.message).toContain(await sha256Hex(tampered));
  });

  it("reports malformed content whose checksum matches its entry", async () => {
    const check = async (text: string, overrides: Partial<DatasetEntry> = {}) =>
      verifyDataset({ ...entry, sha256: await sha256Hex(text), ...overrides }, new TextEncoder().encode(text));
    expect(await check("population,profit\n1,x\n")).toMatchObject({
      code: "malformed",
      message: expect.stringContaining('line 2, column "profit"'),
    });
    expect(await check("pop,profit\n1,2\n")).toMatchObject({
      code: "malformed",
      message: expect.stringContaining("columns are [pop, profit]"),
    });
    expect(await check("population,profit\n1,2\n")).toMatchObject({
      code: "malformed",
      message: expect.stringContaining("1 data rows, expected 97"),
    });
    const notUtf8 = new Uint8Array([0xff, 0xfe, 0x41]);
    expect(await verifyDataset({ ...entry, sha256: await sha256Hex(notUtf8) }, notUtf8)).toMatchObject({
      code: "malformed",
    });
  });
});

describe("city-profits@1 determinism guard", () => {
  it("regenerates byte-identical CSV from the seeded generator", () => {
    expect(cityProfitsCsv(generateCityProfits())).toBe(shipped.toString("utf8"));
  });
});

describe("loadDataset", () => {
  const ref = { id: "city-profits", version: 1 };

  it("reads the registered file with the given reader and verifies it", async () => {
    const asked: string[] = [];
    const result = await loadDataset(ref, async (file) => (asked.push(file), new Uint8Array(shipped)));
    expect(asked).toEqual(["city-profits-v1.csv"]);
    expect(result.ok && result.dataset.rows).toHaveLength(97);
  });

  it("refuses a dataset that is not in the registry without reading anything", async () => {
    const result = await loadDataset({ id: "nope", version: 3 }, () => Promise.reject(new Error("not called")));
    expect(result).toEqual({
      ok: false,
      code: "unknown-dataset",
      message: "Dataset nope@3 is not in this app's registry",
    });
  });

  it("reports a reader that fails as unreachable, with its reason", async () => {
    const result = await loadDataset(ref, () => Promise.reject(new Error("HTTP 404")));
    expect(result).toMatchObject({
      ok: false,
      code: "unreachable",
      reason: "HTTP 404",
      message: "Could not load dataset city-profits-v1.csv: HTTP 404",
    });
  });

  it("passes on verifyDataset's refusal with the entry", async () => {
    const result = await loadDataset(ref, async () => new TextEncoder().encode("population,profit\n1,2\n"));
    expect(result).toMatchObject({ ok: false, code: "checksum-mismatch", entry: { file: "city-profits-v1.csv" } });
  });
});
