import { describe, expect, it } from "vitest";
import { createLearnerApi } from "../evaluation/learner-api";
import { plotProblem, type PlotSpec } from "./plot-types";

describe("plotProblem", () => {
  it("accepts well-formed plots of every kind", () => {
    const plots: PlotSpec[] = [
      { kind: "lines", title: "cost", series: [{ name: "J", points: [{ x: 1, y: 2 }] }] },
      { kind: "scatter", title: "data", series: [], lines: [{ name: "fit", points: [{ x: 0, y: 0 }] }] },
      { kind: "heatmap", title: "J", xs: [0, 1], ys: [0], values: [[1, 2]] },
      { kind: "image", title: "pixel", width: 1, height: 1, rgb: [0, 0.5, 1] },
    ];
    expect(plots.map(plotProblem)).toEqual([null, null, null, null]);
  });

  it("rejects a heatmap whose grid does not match its axes, an image of the wrong size, and floods of points", () => {
    expect(plotProblem({ kind: "heatmap", title: "J", xs: [0, 1], ys: [0], values: [[1]] })).toContain(
      "ys.length rows of xs.length",
    );
    expect(plotProblem({ kind: "image", title: "i", width: 2, height: 2, rgb: [0, 0, 0] })).toContain(
      "width * height * 3",
    );
    const points = Array.from({ length: 20_001 }, (_, x) => ({ x, y: x }));
    expect(plotProblem({ kind: "lines", title: "many", series: [{ name: "s", points }] })).toContain("too many points");
  });
});

describe("the lesson module's plot", () => {
  it("hands valid plots to the sink as plain data and throws a named error for bad ones", () => {
    const drawn: PlotSpec[] = [];
    const { plot } = createLearnerApi([], (p) => drawn.push(p));
    plot.lines({ title: "cost", series: [{ name: "J", points: [{ x: 1, y: 3 }] }] });
    expect(drawn).toEqual([{ kind: "lines", title: "cost", series: [{ name: "J", points: [{ x: 1, y: 3 }] }] }]);
    expect(() => plot.image({ title: "bad", width: 2, height: 1, rgb: [] })).toThrow("plot.image: rgb must hold");
    expect(drawn).toHaveLength(1);
  });
});

describe("categorical heatmaps", () => {
  it("accept class indices within the classes and reject any other value", () => {
    const base = { kind: "heatmap" as const, title: "regions", xs: [0, 1], ys: [0], classes: ["rejected", "accepted"] };
    expect(plotProblem({ ...base, values: [[0, 1]] })).toBeNull();
    expect(plotProblem({ ...base, values: [[0, 2]] })).toContain("class index from 0 to 1");
    expect(plotProblem({ ...base, values: [[0.5, 1]] })).toContain("class index");
  });
});
