import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { sampleDraft, sampleProgress, sampleRun, withoutFields } from "./fixtures";
import type { draftSchema, progressSchema, runSchema, settingsSchema } from "./schemas";
import { validateDraft, validateProgress, validateRun, validateSettings } from "./schemas";
import type { DraftRecord, ProgressRecord, RunRecord, SettingsRecord } from "./types";

function issuesOf(result: { ok: boolean; issues?: string[] }): string[] {
  expect(result.ok).toBe(false);
  return result.issues ?? [];
}

describe("schemas", () => {
  it("describe exactly the record types of types.ts", () => {
    expectTypeOf<z.output<typeof draftSchema>>().toEqualTypeOf<DraftRecord>();
    expectTypeOf<z.output<typeof progressSchema>>().toEqualTypeOf<ProgressRecord>();
    expectTypeOf<z.output<typeof runSchema>>().toEqualTypeOf<RunRecord>();
    expectTypeOf<z.output<typeof settingsSchema>>().toEqualTypeOf<SettingsRecord>();
  });
});

describe("validateRun", () => {
  it("accepts the sample run and returns an equal copy", () => {
    const run = sampleRun();
    const result = validateRun(run);
    expect(result).toEqual({ ok: true, record: run });
    if (result.ok) expect(result.record).not.toBe(run);
  });

  it("names a nested field that has a wrong value", () => {
    const run = sampleRun();
    const issues = issuesOf(validateRun({ ...run, backend: { ...run.backend, used: "tpu" } }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^backend\.used: /);
  });

  it("names array elements by index", () => {
    const run = sampleRun();
    run.implementations[1].history[0] = { step: 0, loss: "high" as unknown as number };
    expect(issuesOf(validateRun(run))).toEqual(["implementations[1].history[0].loss: expected a number"]);
  });

  it("keeps NaN and Infinity in losses, parameters and the theta difference of a diverging run", () => {
    const run = sampleRun({ maxAbsThetaDiff: Number.NaN });
    run.implementations[0].history.push({ step: 2000, loss: Number.POSITIVE_INFINITY });
    run.implementations[0].theta = [Number.NaN, Number.NEGATIVE_INFINITY];
    expect(validateRun(run).ok).toBe(true);
  });

  it("rejects non-finite hyperparameters", () => {
    expect(issuesOf(validateRun(sampleRun({ params: { alpha: Number.NaN } })))[0]).toMatch(/^params\.alpha: /);
  });

  it("reports a field this app does not know instead of dropping it", () => {
    const issues = issuesOf(validateRun({ ...sampleRun(), notes: "mine" }));
    expect(issues).toEqual(['record: Unrecognized key: "notes"']);
  });

  it("requires a lowercase hex SHA-256 for code and dataset", () => {
    const run = sampleRun({ code: { text: "", sha256: "ABC" } });
    expect(issuesOf(validateRun(run))).toEqual(["code.sha256: expected a lowercase hex SHA-256 (64 characters)"]);
  });

  it("lists every missing field", () => {
    const issues = issuesOf(validateRun(withoutFields(sampleRun(), "runId", "createdAt")));
    expect(issues.map((issue) => issue.split(":")[0])).toEqual(["runId", "createdAt"]);
  });

  it("rejects another schemaVersion", () => {
    expect(issuesOf(validateRun({ ...sampleRun(), schemaVersion: 99 }))[0]).toMatch(/^schemaVersion: /);
  });
});

describe("validateDraft", () => {
  it("accepts a draft with or without previousCode", () => {
    expect(validateDraft(sampleDraft()).ok).toBe(true);
    expect(validateDraft(sampleDraft({ previousCode: "old" })).ok).toBe(true);
  });

  it("names a missing hint count and a time that is not ISO 8601", () => {
    const issues = issuesOf(validateDraft(withoutFields(sampleDraft({ updatedAt: "yesterday" }), "hintsRevealed")));
    expect(issues).toEqual([expect.stringMatching(/^hintsRevealed: /), "updatedAt: expected an ISO 8601 date-time"]);
  });
});

describe("validateProgress", () => {
  it("accepts the sample progress", () => {
    expect(validateProgress(sampleProgress()).ok).toBe(true);
  });

  it("names the verdict that is malformed", () => {
    const progress = sampleProgress();
    const verdict = { ...progress.verdicts[0], passed: "yes" };
    expect(issuesOf(validateProgress({ ...progress, verdicts: [verdict] }))[0]).toMatch(/^verdicts\[0\]\.passed: /);
  });
});

describe("validateSettings", () => {
  it("accepts each backend choice and rejects others", () => {
    for (const backend of ["auto", "webgpu", "wasm", "cpu"] as const) {
      expect(validateSettings({ schemaVersion: 1, key: "settings", backend }).ok).toBe(true);
    }
    expect(issuesOf(validateSettings({ schemaVersion: 1, key: "settings", backend: "tpu" }))[0]).toMatch(/^backend: /);
  });

  it("says `record` when the value is not an object", () => {
    expect(issuesOf(validateSettings(null))[0]).toMatch(/^record: /);
  });
});
