import { describe, expect, it } from "vitest";
import { estimateSweepMs, parseSweepValues, spansDecades, sweepGrid, sweepGridProblem, sweepTag } from "./sweep";

describe("parseSweepValues", () => {
  it("reads comma-separated numbers, dropping repeats and blanks", () => {
    expect(parseSweepValues(" 0.001, 0.01,,0.01, 1e-1 ")).toEqual({ ok: true, values: [0.001, 0.01, 0.1] });
  });
  it("names the value that is not a number", () => {
    expect(parseSweepValues("0.1, fast")).toEqual({ ok: false, error: '"fast" is not a number' });
  });
});

describe("sweepGrid", () => {
  it("is the cartesian product over the swept parameters on top of the base", () => {
    const grid = sweepGrid({ alpha: 0.01, iterations: 1500 }, { alpha: [0.001, 0.01], iterations: [100, 200] });
    expect(grid.map((c) => c.params)).toEqual([
      { alpha: 0.001, iterations: 100 },
      { alpha: 0.001, iterations: 200 },
      { alpha: 0.01, iterations: 100 },
      { alpha: 0.01, iterations: 200 },
    ]);
    expect(grid[3]).toMatchObject({ index: 3, values: { alpha: 0.01, iterations: 200 } });
  });
  it("refuses an empty or an oversized grid", () => {
    expect(sweepGridProblem(0)).toMatch(/at least one value/);
    expect(sweepGridProblem(65)).toMatch(/too many/);
    expect(sweepGridProblem(3)).toBeNull();
  });
});

describe("estimateSweepMs", () => {
  it("scales the measured run time by the swept iterations", () => {
    const grid = sweepGrid({ iterations: 1000 }, { iterations: [500, 2000] });
    expect(estimateSweepMs(grid, 100, 1000)).toBe(250);
  });
});

describe("spansDecades and sweepTag", () => {
  it("asks for a log axis only for positive values two decades apart", () => {
    expect(spansDecades([0.001, 0.01, 0.1])).toBe(true);
    expect(spansDecades([1, 2, 50])).toBe(false);
    expect(spansDecades([0, 1, 1000])).toBe(false);
  });
  it("tags runs with the sweep id", () => {
    expect(sweepTag("abc")).toBe("sweep:abc");
  });
});
