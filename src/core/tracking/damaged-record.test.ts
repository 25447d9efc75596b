import { describe, expect, it } from "vitest";
import { damagedRecordFile, describeDamagedRecord, type DamagedRecord } from "./damaged-record";

const draft = (overrides: Partial<DamagedRecord> = {}): DamagedRecord => ({
  store: "drafts",
  key: ["linear-regression", "computeCost"],
  issues: ["code: expected string, received number"],
  tooNew: false,
  value: { schemaVersion: 1, code: 42 },
  ...overrides,
});

describe("describeDamagedRecord", () => {
  it("says a record from a newer app was written by a newer version of the app", () => {
    expect(describeDamagedRecord(draft({ tooNew: true }))).toMatch(
      /^The saved draft of computeCost \(lesson linear-regression\) was written by a newer version of the app/,
    );
  });

  it("names a damaged record's first problem", () => {
    expect(describeDamagedRecord(draft())).toMatch(/is damaged \(code: expected string, received number\)/);
  });
});

describe("damagedRecordFile", () => {
  it("keeps the record as stored with why it was unreadable, even with NaN, bigints and cycles", () => {
    const value: Record<string, unknown> = { loss: Number.NaN, big: 10n };
    value.self = value;
    const file = damagedRecordFile(draft({ value }), new Date("2026-11-03T10:00:00.000Z"));
    expect(file.fileName).toBe("damaged-drafts-linear-regression-computeCost-2026-11-03T10-00-00-000Z.json");
    expect(JSON.parse(file.text)).toMatchObject({
      format: "ml-notebook-damaged-record",
      store: "drafts",
      issues: ["code: expected string, received number"],
      value: { loss: { $number: "NaN" }, big: "10n", self: "[circular]" },
    });
  });
});
