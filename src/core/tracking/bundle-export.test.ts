import { describe, expect, it } from "vitest";
import { exportBundleChunks } from "./bundle-export";
import { parseRunsBundle } from "./run-export";
import { sampleRun } from "./fixtures";
import type { RunId } from "./types";

const meta = { appVersion: "0.1.0", exportedAt: "2026-11-03T12:00:00.000Z" };
const artifact = {
  schemaVersion: 1,
  id: "linear-regression/gradient-descent-loss-history@v1",
  lessonId: "linear-regression",
  name: "gradient-descent-loss-history",
  version: 1,
  runId: "run-0001",
  mediaType: "text/csv",
  bytes: 0,
  sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  createdAt: "2026-11-03T10:00:00.000Z",
  text: "",
} as const;

function roundTrip(runs = [sampleRun()], artifacts: unknown[] = [artifact]) {
  return parseRunsBundle([...exportBundleChunks(runs, artifacts as never, meta)].join(""));
}

describe("runs + artifacts export", () => {
  it("round-trips runs (NaN losses included) and artifacts", () => {
    const run = sampleRun();
    run.implementations[0].history[1].loss = NaN;
    const parsed = roundTrip([run]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.runs[0].implementations[0].history[1].loss).toBeNaN();
    expect(parsed.artifacts).toEqual([artifact]);
  });

  it("reports duplicate run ids and artifacts of runs not in the file, and then keeps nothing", () => {
    const parsed = roundTrip([sampleRun(), sampleRun()], [{ ...artifact, runId: "elsewhere" }]);
    expect(parsed.errors).toEqual([
      'run 2: runId: "run-0001" already appears as run 1',
      'artifact 1: runId: its run "elsewhere" is not in the file',
    ]);
    expect(parsed).toMatchObject({ runs: [], artifacts: [], errorCount: 2 });
  });

  it("refuses a repeated artifact id and an artifact with an oversized name", () => {
    const parsed = roundTrip([sampleRun()], [artifact, artifact, { ...artifact, id: "x/y@v1", name: "n".repeat(300) }]);
    expect(parsed.errors[0]).toBe(`artifact 2: id: "${artifact.id}" already appears as artifact 1`);
    expect(parsed.errors[1]).toMatch(/^artifact 3: name: /);
  });

  it("reads version-1 files (runs only) and refuses newer ones", () => {
    const v1 = JSON.stringify({
      format: "ml-notebook-runs",
      formatVersion: 1,
      runs: [sampleRun({ runId: "x" as RunId })],
    });
    expect(parseRunsBundle(v1)).toMatchObject({ errors: [], artifacts: [], runs: [{ runId: "x" }] });
    const v3 = JSON.stringify({ format: "ml-notebook-runs", formatVersion: 3, runs: [] });
    expect(parseRunsBundle(v3).errors[0]).toMatch(/^formatVersion 3 is newer/);
    const noArtifacts = JSON.stringify({ format: "ml-notebook-runs", formatVersion: 2, runs: [] });
    expect(parseRunsBundle(noArtifacts).errors).toEqual(["artifacts: expected an array"]);
    expect(parseRunsBundle("{").errors[0]).toMatch(/^not JSON/);
  });

  it("writes one run or artifact per line", () => {
    const text = [
      ...exportBundleChunks([sampleRun(), sampleRun({ runId: "b" as RunId })], [artifact as never], meta),
    ].join("");
    const lines = text.split("\n");
    expect(JSON.parse(lines[0].replace(/,$/, "}"))).toMatchObject({ format: "ml-notebook-runs", formatVersion: 2 });
    expect(lines.filter((line) => line.startsWith('{"schemaVersion"'))).toHaveLength(3);
  });
});
