import { describe, expect, it } from "vitest";
import { comparisonRows, lossStats } from "./compare-runs";
import { sampleRun } from "./fixtures";

describe("lossStats", () => {
  it("gives the first, smallest and last loss, skipping NaN for the minimum", () => {
    expect(lossStats([{ loss: 5 }, { loss: NaN }, { loss: 2 }, { loss: 3 }])).toEqual({ first: 5, min: 2, last: 3 });
    expect(lossStats([])).toEqual({ first: NaN, min: NaN, last: NaN });
  });
});

describe("comparisonRows", () => {
  it("marks what differs, never the finish time, and lists loss first/min/last", () => {
    const other = sampleRun({ createdAt: "2026-11-04T10:00:00.000Z", params: { alpha: 0.02, iterations: 1500 } });
    const rows = comparisonRows([sampleRun(), other]);
    expect(rows.filter((r) => r.differs).map((r) => r.label)).toEqual(["Parameters"]);
    expect(rows.find((r) => r.label === "tfjs loss min")?.values).toEqual(["4.48", "4.48"]);
  });
});
