import { describe, expect, it } from "vitest";
import { cityProfitsCsv, generateCityProfits } from "./city-profits";

describe("generateCityProfits", () => {
  const rows = generateCityProfits();

  it("gives 97 rows of [population, profit] rounded to 4 decimals", () => {
    expect(rows).toHaveLength(97);
    for (const row of rows) {
      expect(row).toHaveLength(2);
      for (const x of row) expect(Math.round(x * 1e4) / 1e4).toBe(x);
    }
  });

  it("keeps populations between 5 and 23, mostly small cities", () => {
    const pops = rows.map((r) => r[0]).sort((a, b) => a - b);
    expect(pops[0]).toBeGreaterThanOrEqual(5);
    expect(pops[pops.length - 1]).toBeLessThanOrEqual(23);
    expect(pops[48]).toBeLessThan(9);
  });

  it("has profits rising with population, some of them negative", () => {
    expect(rows.some((r) => r[1] < 0)).toBe(true);
    const small = rows.filter((r) => r[0] < 7).map((r) => r[1]);
    const big = rows.filter((r) => r[0] > 15).map((r) => r[1]);
    const avg = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(avg(big)).toBeGreaterThan(avg(small) + 8);
  });

  it("is fixed by the seed", () => {
    expect(generateCityProfits(2024)).toEqual(rows);
    expect(generateCityProfits(2025)).not.toEqual(rows);
  });
});

describe("cityProfitsCsv", () => {
  it("writes a header, 4-decimal values and a final newline", () => {
    expect(
      cityProfitsCsv([
        [5, -0.5],
        [12.34567, 3],
      ]),
    ).toBe("population,profit\n5.0000,-0.5000\n12.3457,3.0000\n");
  });
});
