import { describe, expect, it } from "vitest";
import { findDataset } from "../ml/datasets-registry";
import { sha256Hex } from "../ml/sha256";
import { sampleRun } from "./fixtures";
import { verifyRunsIntegrity } from "./run-integrity";

/** A run whose checksums are all true: a shipped dataset, and the real SHA-256 of its code. */
async function intactRun(code = "export const x = 1;\n") {
  const dataset = findDataset("city-profits", 1)!;
  return sampleRun({
    dataset: { id: dataset.id, version: dataset.version, sha256: dataset.sha256 },
    code: { text: code, sha256: await sha256Hex(code) },
  });
}

describe("verifyRunsIntegrity", () => {
  it("accepts runs whose code and dataset checksums hold", async () => {
    const run = await intactRun();
    expect(await verifyRunsIntegrity([run], sha256Hex)).toEqual({ runs: [run], errors: [], errorCount: 0 });
  });

  it("refuses every run, naming each, when one's code was changed after its checksum", async () => {
    const good = await intactRun();
    const tampered = await intactRun();
    tampered.code.text += "// edited\n";
    const outcome = await verifyRunsIntegrity([good, tampered], sha256Hex);
    expect(outcome.runs).toEqual([]);
    expect(outcome.errors).toEqual([expect.stringMatching(/^run 2: code\.sha256: does not match/)]);
  });

  it("refuses a dataset this app does not ship, or one whose checksum differs from the registry", async () => {
    const unknown = await intactRun();
    unknown.dataset.id = "not-shipped";
    const changed = await intactRun();
    changed.dataset.sha256 = "0".repeat(64);
    const { errors } = await verifyRunsIntegrity([unknown, changed], sha256Hex);
    expect(errors).toEqual([
      "run 1: dataset: not-shipped@1 is not a dataset this app ships",
      expect.stringMatching(/^run 2: dataset\.sha256: does not match the SHA-256 of city-profits@1/),
    ]);
  });
});
