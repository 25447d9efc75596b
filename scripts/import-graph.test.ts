// The folder-level import graph of src must stay acyclic (DESIGN.md "Direction of imports").
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations.
import { cycles, folderGraph } from "./import-graph.mjs";

const graphOf = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe("import-graph", () => {
  it("names every folder of a cycle, and only those", () => {
    const found = cycles(graphOf({ a: ["b"], b: ["c"], c: ["a"], d: ["a"] }));
    expect(found).toEqual([["a", "b", "c"]]);
  });

  it("finds no cycle in a graph that flows one way", () => {
    expect(cycles(graphOf({ app: ["ui", "core"], ui: ["core"], core: [] }))).toEqual([]);
  });

  it("reads the real src folders with their imports", () => {
    const graph = folderGraph();
    expect(graph.get("src/app")).toBeDefined();
    expect([...graph.get("src/app")]).toContain("src/ui");
  });
});
