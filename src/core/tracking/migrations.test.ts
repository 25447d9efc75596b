import { describe, expect, it } from "vitest";
import { sampleDraft, sampleRun, withoutFields } from "./fixtures";
import type { DraftV0 } from "./migrations";
import { migrateRecord, restoreDraft, restoreRun } from "./migrations";

function v0Draft(overrides: Partial<DraftV0> = {}): DraftV0 {
  return {
    key: "linear-regression/compute-cost",
    lessonId: "linear-regression",
    exerciseId: "compute-cost",
    code: "return 0;",
    savedAt: "2026-10-01T08:00:00.000Z",
    ...overrides,
  };
}

describe("migrateRecord", () => {
  it("brings a version-0 draft to version 1 without touching the input", () => {
    const old = v0Draft();
    const frozen = structuredClone(old);
    const result = migrateRecord("draft", old);
    expect(result).toEqual({
      ok: true,
      migrated: true,
      record: {
        schemaVersion: 1,
        lessonId: "linear-regression",
        exerciseId: "compute-cost",
        code: "return 0;",
        hintsRevealed: 0,
        updatedAt: "2026-10-01T08:00:00.000Z",
      },
    });
    expect(old).toEqual(frozen);
  });

  it("turns a version-0 epoch-millisecond savedAt into ISO 8601", () => {
    const result = migrateRecord("draft", v0Draft({ savedAt: Date.UTC(2026, 0, 2) }));
    expect(result.ok && result.record.updatedAt).toBe("2026-01-02T00:00:00.000Z");
  });

  it("returns a current record as is, with migrated false", () => {
    const draft = sampleDraft();
    expect(migrateRecord("draft", draft)).toEqual({ ok: true, record: draft, migrated: false });
  });

  it("reports a record from a newer app version and leaves it unchanged", () => {
    const newer = { ...sampleRun(), schemaVersion: 7, extra: "field" };
    const frozen = structuredClone(newer);
    const result = migrateRecord("run", newer);
    expect(result).toMatchObject({ ok: false, tooNew: true });
    expect(!result.ok && result.reason).toMatch(/^schemaVersion: 7 is newer than this app understands \(2\)/);
    expect(newer).toEqual(frozen);
  });

  it("reports a malformed schemaVersion", () => {
    expect(migrateRecord("draft", { ...sampleDraft(), schemaVersion: "1" })).toEqual({
      ok: false,
      tooNew: false,
      reason: 'schemaVersion: expected a whole number, got "1"',
    });
  });

  it("reports a value that is not an object", () => {
    expect(migrateRecord("settings", "auto")).toEqual({
      ok: false,
      tooNew: false,
      reason: "record: expected an object",
    });
  });

  it("reports a run without schemaVersion, since runs never had a version 0", () => {
    expect(migrateRecord("run", withoutFields(sampleRun(), "schemaVersion"))).toEqual({
      ok: false,
      tooNew: false,
      reason: "schemaVersion: no migration for a run of version 0",
    });
  });

  it("reports a version-0 draft without code", () => {
    expect(migrateRecord("draft", withoutFields(v0Draft(), "code"))).toMatchObject({
      ok: false,
      reason: "code: a version-0 draft has no code text",
    });
  });
});

describe("restoreDraft", () => {
  it("migrates and validates a version-0 draft", () => {
    const result = restoreDraft(v0Draft());
    expect(result).toMatchObject({ ok: true, migrated: true, record: { schemaVersion: 1, hintsRevealed: 0 } });
  });

  it("reports a field of an old draft that the new schema does not have", () => {
    const result = restoreDraft({ ...v0Draft(), cursor: 12 });
    expect(result).toEqual({ ok: false, tooNew: false, issues: ['record: Unrecognized key: "cursor"'] });
  });
});

describe("restoreRun", () => {
  it("returns a valid current run, not migrated", () => {
    expect(restoreRun(sampleRun())).toEqual({ ok: true, record: sampleRun(), migrated: false });
  });

  it("reports validation issues of a current run", () => {
    const result = restoreRun({ ...sampleRun(), seed: 1.5 });
    expect(!result.ok && result.issues[0]).toMatch(/^seed: /);
  });
});

describe("run schema 1 -> 2", () => {
  it("keeps every field and only bumps the version (v2's fields are optional)", () => {
    const v1 = { ...sampleRun(), schemaVersion: 1 };
    const restored = restoreRun(v1);
    expect(restored).toMatchObject({ ok: true, migrated: true, record: { ...v1, schemaVersion: 2 } });
  });
});
