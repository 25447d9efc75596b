import { describe, expect, it } from "vitest";
import { generateCorrelatedFeatures } from "./correlated-features";
import { generateItemRatings } from "./item-ratings";
import { generateServerMetrics } from "./server-metrics";

describe("generated datasets of lessons 10 and 11", () => {
  it("server-metrics has 300 training and 300 validation rows with a few anomalies in each", () => {
    const rows = generateServerMetrics();
    const val = rows.filter((r) => r[2] === 1);
    expect(val).toHaveLength(300);
    expect(rows.filter((r) => r[2] === 0 && r[3] === 1)).toHaveLength(9);
    expect(val.filter((r) => r[3] === 1)).toHaveLength(7);
  });

  it("item-ratings rates every item and user, with integer stars 1 to 5", () => {
    const rows = generateItemRatings();
    expect(new Set(rows.map((r) => r[0])).size).toBe(40);
    expect(new Set(rows.map((r) => r[1])).size).toBe(30);
    expect(rows.every((r) => Number.isInteger(r[2]) && r[2] >= 1 && r[2] <= 5)).toBe(true);
  });

  it("correlated-features has strongly correlated features", () => {
    const rows = generateCorrelatedFeatures();
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const a = rows.map((r) => r[0]);
    const b = rows.map((r) => r[1]);
    const [ma, mb] = [mean(a), mean(b)];
    const cov = mean(a.map((x, i) => (x - ma) * (b[i] - mb)));
    const corr = cov / Math.sqrt(mean(a.map((x) => (x - ma) ** 2)) * mean(b.map((x) => (x - mb) ** 2)));
    expect(corr).toBeGreaterThan(0.85);
  });
});
