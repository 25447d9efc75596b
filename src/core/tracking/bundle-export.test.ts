import { describe, expect, it } from "vitest";
import {
  checkBundleArtifacts,
  checkBundleRuns,
  exportBundleChunks,
  newBundleCheck,
  readBundleHeader,
  parseBundleLine,
  splitBundleLines,
} from "./bundle-export";
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
  const text = [...exportBundleChunks(runs, artifacts as never, meta)].join("");
  const header = readBundleHeader(text);
  if (!header.ok) throw new Error(header.error);
  const check = newBundleCheck();
  checkBundleRuns(check, header.bundle.runs, 0, 100);
  checkBundleArtifacts(check, header.bundle.artifacts, 0, 100);
  return check;
}

describe("runs + artifacts export", () => {
  it("round-trips runs (NaN losses included) and artifacts", () => {
    const run = sampleRun();
    run.implementations[0].history[1].loss = NaN;
    const check = roundTrip([run]);
    expect(check.errors).toEqual([]);
    expect(check.runs[0].implementations[0].history[1].loss).toBeNaN();
    expect(check.artifacts).toHaveLength(1);
  });

  it("reports duplicate run ids and artifacts of runs not in the file", () => {
    const check = roundTrip([sampleRun(), sampleRun()], [{ ...artifact, runId: "elsewhere" }]);
    expect(check.errors).toEqual([
      'run 2: runId "run-0001" appears twice',
      "artifact 1: its run elsewhere is not in the file",
    ]);
  });

  it("reads version-1 files (runs only) and refuses newer ones", () => {
    const v1 = JSON.stringify({
      format: "ml-notebook-runs",
      formatVersion: 1,
      runs: [sampleRun({ runId: "x" as RunId })],
    });
    expect(readBundleHeader(v1)).toMatchObject({ ok: true, bundle: { artifacts: [] } });
    const v3 = JSON.stringify({ format: "ml-notebook-runs", formatVersion: 3, runs: [] });
    expect(readBundleHeader(v3)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^formatVersion 3 is newer/),
    });
    expect(readBundleHeader("{")).toMatchObject({ ok: false, error: expect.stringMatching(/^not JSON/) });
  });
});

describe("splitBundleLines", () => {
  it("gives one JSON text per run and artifact of a file this app wrote", () => {
    const text = [
      ...exportBundleChunks([sampleRun(), sampleRun({ runId: "b" as RunId })], [artifact as never], meta),
    ].join("");
    const split = splitBundleLines(text)!;
    expect(JSON.parse(split.header)).toMatchObject({ format: "ml-notebook-runs", formatVersion: 2 });
    expect(split.runs.map((line) => (parseBundleLine(line) as { runId: string }).runId)).toEqual(["run-0001", "b"]);
    expect(split.artifacts.map((line) => JSON.parse(line).id)).toEqual([artifact.id]);
  });

  it("is null for any other layout (e.g. pretty-printed)", () => {
    expect(splitBundleLines(JSON.stringify({ format: "ml-notebook-runs", runs: [] }, null, 2))).toBeNull();
  });
});
