import { describe, expect, it } from "vitest";
import { sampleRun } from "./fixtures";
import { buildRunSummary, isEmptyFilter, matchesRunFilter, parseRunFilter, parseTags } from "./run-summary";
import type { RunId } from "./types";

const summary = buildRunSummary(
  sampleRun({ runId: "abc-123" as RunId, tags: ["Baseline", "sweep:s1"], note: "Smaller learning rate" }),
);

describe("parseRunFilter", () => {
  it("splits field terms from free words, case-insensitively", () => {
    expect(parseRunFilter(" backend:WASM tag:baseline  smaller ")).toEqual({
      fields: { backend: "wasm", tag: "baseline" },
      words: ["smaller"],
    });
    expect(isEmptyFilter(parseRunFilter("  "))).toBe(true);
  });
  it("keeps unknown prefixes as words (e.g. a sweep tag)", () => {
    expect(parseRunFilter("sweep:s1").words).toEqual(["sweep:s1"]);
  });
});

describe("matchesRunFilter", () => {
  it("matches fields exactly and words anywhere in id, lesson, tags or note", () => {
    expect(matchesRunFilter(summary, parseRunFilter("lesson:linear-regression backend:wasm"))).toBe(true);
    expect(matchesRunFilter(summary, parseRunFilter("tag:baseline learning"))).toBe(true);
    expect(matchesRunFilter(summary, parseRunFilter("sweep:s1"))).toBe(true);
    expect(matchesRunFilter(summary, parseRunFilter("backend:cpu"))).toBe(false);
    expect(matchesRunFilter(summary, parseRunFilter("lesson:linear"))).toBe(false);
  });
});

describe("buildRunSummary and parseTags", () => {
  it("keeps what the Runs page lists", () => {
    expect(summary).toMatchObject({ runId: "abc-123", backend: "wasm", requested: "auto", dataset: "ex1-lookalike@1" });
    expect(summary.learnerMetrics).toBe("trainCost 4.48, testCost 4.9");
  });
  it("parses distinct tags separated by commas or spaces", () => {
    expect(parseTags("a, b c,,a")).toEqual(["a", "b", "c"]);
  });
});
