import { describe, expect, it } from "vitest";
import { sampleRun } from "./fixtures";
import { exportRuns, parseRunsExport } from "./run-export";
import type { RunId } from "./types";

const meta = { appVersion: "0.1.0", exportedAt: "2026-11-03T12:00:00.000Z" };

function exportWith(runs: unknown[]): string {
  return JSON.stringify({
    format: "ml-notebook-runs",
    formatVersion: 1,
    exportedAt: meta.exportedAt,
    appVersion: "0.1.0",
    runs,
  });
}

describe("exportRuns", () => {
  it("writes pretty JSON with the format header", () => {
    const text = exportRuns([sampleRun()], meta);
    expect(text).toContain('\n  "format": "ml-notebook-runs"');
    expect(JSON.parse(text)).toMatchObject({
      format: "ml-notebook-runs",
      formatVersion: 1,
      ...meta,
      runs: [{ runId: "run-0001" }],
    });
  });

  it("stamps the export time when none is given", () => {
    const { exportedAt } = JSON.parse(exportRuns([], { appVersion: "0.1.0" })) as { exportedAt: string };
    expect(Number.isNaN(Date.parse(exportedAt))).toBe(false);
  });
});

describe("parseRunsExport", () => {
  it("reads back exactly what exportRuns wrote", () => {
    const runs = [sampleRun(), sampleRun({ runId: "run-0002" as RunId, lessonId: "logistic-regression" })];
    expect(parseRunsExport(exportRuns(runs, meta))).toEqual({ runs, errors: [], errorCount: 0 });
  });

  it("keeps NaN and Infinity of a diverging run through the round trip", () => {
    const run = sampleRun({ maxAbsThetaDiff: Number.NaN });
    run.implementations[0].history.push({ step: 2000, loss: Number.POSITIVE_INFINITY });
    run.implementations[0].theta = [Number.NEGATIVE_INFINITY, 1];
    const { runs, errors } = parseRunsExport(exportRuns([run], meta));
    expect(errors).toEqual([]);
    expect(runs[0].maxAbsThetaDiff).toBeNaN();
    expect(runs[0].implementations[0].history[2].loss).toBe(Number.POSITIVE_INFINITY);
    expect(runs[0].implementations[0].theta[0]).toBe(Number.NEGATIVE_INFINITY);
  });

  it("says 'not JSON' for text that is not JSON", () => {
    const { runs, errors } = parseRunsExport("{ runs: [");
    expect(runs).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not JSON: /);
  });

  it("accepts a file that starts with a byte-order mark", () => {
    expect(parseRunsExport(`\uFEFF${exportRuns([sampleRun()], meta)}`).errors).toEqual([]);
  });

  it.each([
    ["null", "not an ml-notebook-runs export: expected a JSON object"],
    ["[]", "not an ml-notebook-runs export: expected a JSON object"],
    ["42", "not an ml-notebook-runs export: expected a JSON object"],
    ['{"runs": []}', "not an ml-notebook-runs export: format is missing"],
    ['{"format": "excalidraw", "runs": []}', 'not an ml-notebook-runs export: format is "excalidraw"'],
    ['{"format": "ml-notebook-runs", "runs": []}', "formatVersion: expected a whole number, got nothing"],
    ['{"format": "ml-notebook-runs", "formatVersion": 1, "runs": {}}', "runs: expected an array"],
  ])("explains why %s is not a runs export", (text, error) => {
    expect(parseRunsExport(text)).toEqual({ runs: [], errors: [error], errorCount: 1 });
  });

  it("refuses a file from a newer format version", () => {
    const { errors } = parseRunsExport('{"format": "ml-notebook-runs", "formatVersion": 3, "runs": []}');
    expect(errors[0]).toMatch(/^formatVersion 3 is newer than this app understands \(2\)/);
  });

  it("imports nothing when any run is bad, numbering the bad runs from 1", () => {
    const good = sampleRun();
    const bad = { ...sampleRun({ runId: "run-bad" as RunId }), backend: { ...good.backend, used: "tpu" } };
    const { runs, errors, errorCount } = parseRunsExport(exportWith([good, bad, "oops"]));
    expect(runs).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/^run 2: backend\.used: /), "run 3: record: expected an object"]);
    expect(errorCount).toBe(2);
  });

  it("keeps at most 10,000 error lines of a file full of bad runs, cut to 300 characters, and counts them all", () => {
    const bad = { ...sampleRun(), runId: "x".repeat(5000) + "!", seed: "no", createdAt: "never" };
    const { errors, errorCount } = parseRunsExport(exportWith(Array.from({ length: 5000 }, () => bad)));
    expect(errorCount).toBe(15_000);
    expect(errors).toHaveLength(10_000);
    expect(Math.max(...errors.map((e) => e.length))).toBeLessThanOrEqual(300);
    // 5,000 runs validated one by one: about 2 s alone, more on a busy 2-core machine.
  }, 20_000);

  it("refuses too deep a nesting before parsing, and more runs than one import may hold", () => {
    const deep = `{"format":"ml-notebook-runs","formatVersion":1,"runs":[${"[".repeat(100_000)}${"]".repeat(100_000)}]}`;
    expect(parseRunsExport(deep).errors).toEqual([expect.stringMatching(/^nested more than 16 levels deep/)]);
    expect(parseRunsExport(exportWith(Array.from({ length: 5001 }, () => 0))).errors).toEqual([
      "runs: 5001 runs, more than one import may hold (5000)",
    ]);
  });

  it("bounds every string: a 10 MB id is refused without being echoed", () => {
    const { errors } = parseRunsExport(exportWith([{ ...sampleRun(), runId: "a".repeat(10_000_000) }]));
    expect(errors).toEqual([expect.stringMatching(/^run 1: runId: expected a run id/)]);
    expect(errors[0].length).toBeLessThan(300);
  });

  it("reports a run from a newer schema version", () => {
    const { errors } = parseRunsExport(exportWith([{ ...sampleRun(), schemaVersion: 99 }]));
    expect(errors[0]).toMatch(/^run 1: schemaVersion: 99 is newer than this app understands/);
  });

  it("imports nothing when two runs share a runId", () => {
    const { runs, errors } = parseRunsExport(exportWith([sampleRun(), sampleRun({ seed: 9 })]));
    expect(runs).toEqual([]);
    expect(errors).toEqual(['run 2: runId: "run-0001" already appears as run 1']);
  });
});
