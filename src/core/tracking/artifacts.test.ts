import { describe, expect, it } from "vitest";
import { sha256Hex } from "../ml/sha256";
import {
  artifactsIntegrityIssues,
  artifactFileName,
  artifactId,
  buildArtifactRecord,
  lossHistoryCsv,
  nextArtifactVersion,
  runArtifactContents,
  verifyArtifact,
} from "./artifacts";
import { sampleRun } from "./fixtures";

async function stored(text: string) {
  const content = { name: "fit-loss-history", mediaType: "text/csv" as const, text };
  return buildArtifactRecord({
    lessonId: "lesson-1",
    runId: "run-1",
    content,
    version: 2,
    bytes: new TextEncoder().encode(text).byteLength,
    sha256: await sha256Hex(text),
    now: "2026-11-03T10:00:00.000Z",
  });
}

describe("artifact contents", () => {
  it("are the parameters of each implementation as JSON and the loss history as CSV", () => {
    const contents = runArtifactContents(sampleRun());
    expect(contents.map((c) => `${c.name} ${c.mediaType}`)).toEqual([
      "gradient-descent-parameters-learner application/json",
      "gradient-descent-parameters-reference application/json",
      "gradient-descent-loss-history text/csv",
    ]);
    expect(JSON.parse(contents[0].text)).toMatchObject({ implementation: "learner", theta: [-3.63, 1.17] });
  });

  it("write NaN losses as NaN in CSV", () => {
    const run = sampleRun();
    run.implementations[0].history[1].loss = NaN;
    expect(lossHistoryCsv(run).split("\n").slice(0, 3)).toEqual([
      "implementation,step,loss",
      "learner,0,32.07",
      "learner,1500,NaN",
    ]);
  });
});

describe("artifact ids and files", () => {
  it("are versioned <lesson>/<name>@v<n>", async () => {
    expect(artifactId("lesson-1", "fit-loss-history", 3)).toBe("lesson-1/fit-loss-history@v3");
    expect(nextArtifactVersion([])).toBe(1);
    expect(nextArtifactVersion([1, 4, 2])).toBe(5);
    expect(artifactFileName(await stored("a"))).toBe("fit-loss-history-v2.csv");
  });
});

describe("verifyArtifact", () => {
  it("accepts an artifact whose bytes match its SHA-256", async () => {
    const read = await verifyArtifact(await stored("implementation,step,loss\n"));
    expect(read.ok).toBe(true);
  });

  it("refuses altered bytes with a message naming the artifact", async () => {
    const artifact = { ...(await stored("learner,1,4.48\n")), text: "learner,1,4.47\n" };
    const read = await verifyArtifact(artifact);
    expect(!read.ok && read.error).toMatch(/^Artifact lesson-1\/fit-loss-history@v2 is damaged or was altered/);
  });
});

describe("artifactsIntegrityIssues", () => {
  it("names every imported artifact whose text no longer matches its SHA-256, in file order", async () => {
    const good = await stored("step,loss\n0,1\n");
    const altered = { ...(await stored("step,loss\n0,2\n")), text: "step,loss\n0,3\n" };
    const issues = await artifactsIntegrityIssues([good, altered, good]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^artifact 2: Artifact .* is damaged or was altered/);
    expect(await artifactsIntegrityIssues([good])).toEqual([]);
  });
});
