import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleDraft } from "../core/tracking/fixtures";
import type { NotebookDb } from "./db";
import { createDraftsRepo } from "./drafts-repo";
import { STORAGE_MESSAGES, StorageError } from "./storage-error";
import { freshDb } from "./test-support";

let db: NotebookDb | undefined;

async function repo() {
  ({ db } = await freshDb());
  return { drafts: createDraftsRepo(db), db };
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
});

describe("drafts repository", () => {
  it("gives back the draft it saved", async () => {
    const { drafts } = await repo();
    const draft = sampleDraft({ previousCode: "old", hintsRevealed: 2 });
    await drafts.put(draft);
    expect(await drafts.get(draft.lessonId, draft.exerciseId)).toEqual({ record: draft, invalid: [] });
  });

  it("finds nothing, and nothing invalid, for an exercise never saved", async () => {
    const { drafts } = await repo();
    expect(await drafts.get("linear-regression", "nope")).toEqual({ record: undefined, invalid: [] });
  });

  it("lists one lesson's drafts by exercise, not those of a lesson whose id starts the same", async () => {
    const { drafts } = await repo();
    await drafts.put(sampleDraft({ lessonId: "lesson-1", exerciseId: "b" }));
    await drafts.put(sampleDraft({ lessonId: "lesson-1", exerciseId: "a" }));
    await drafts.put(sampleDraft({ lessonId: "lesson-10", exerciseId: "a" }));
    const { drafts: listed, invalid } = await drafts.listByLesson("lesson-1");
    expect(listed.map((d) => [d.lessonId, d.exerciseId])).toEqual([
      ["lesson-1", "a"],
      ["lesson-1", "b"],
    ]);
    expect(invalid).toEqual([]);
  });

  it("reports an invalid stored draft next to the valid ones instead of dropping it", async () => {
    const { drafts, db } = await repo();
    await drafts.put(sampleDraft({ exerciseId: "good" }));
    const bad = { ...sampleDraft({ exerciseId: "bad" }), hintsRevealed: -1 };
    await db.put("drafts", bad);
    const { drafts: listed, invalid } = await drafts.listByLesson("linear-regression");
    expect(listed.map((d) => d.exerciseId)).toEqual(["good"]);
    expect(invalid).toEqual([
      {
        store: "drafts",
        key: ["linear-regression", "bad"],
        issues: [expect.stringMatching(/^hintsRevealed: /)],
        tooNew: false,
        value: bad,
      },
    ]);
  });

  it("migrates a version-0 draft in memory when reading, leaving the stored one as it was", async () => {
    const { drafts, db } = await repo();
    const old = {
      lessonId: "linear-regression",
      exerciseId: "compute-cost",
      code: "x",
      savedAt: "2026-10-01T08:00:00.000Z",
    };
    await db.put("drafts", old);
    const { record } = await drafts.get("linear-regression", "compute-cost");
    expect(record).toMatchObject({ schemaVersion: 1, code: "x", hintsRevealed: 0, updatedAt: old.savedAt });
    expect(await db.get("drafts", ["linear-regression", "compute-cost"])).toEqual(old);
  });

  it("refuses to save an invalid draft, naming the field, and stores nothing", async () => {
    const { drafts } = await repo();
    const error = await rejection(drafts.put({ ...sampleDraft(), code: 42 as unknown as string }));
    expect(error.code).toBe("invalid-record");
    expect(error.issues).toEqual([expect.stringMatching(/^code: /)]);
    expect((await drafts.get("linear-regression", "compute-cost")).record).toBeUndefined();
  });

  it("does not save over an unreadable draft unless told to", async () => {
    const { drafts, db } = await repo();
    const bad = { ...sampleDraft(), code: null };
    await db.put("drafts", bad);
    const error = await rejection(drafts.put(sampleDraft()));
    expect(error.code).toBe("invalid-record");
    expect(await db.get("drafts", ["linear-regression", "compute-cost"])).toEqual(bad);
    await drafts.put(sampleDraft(), { overwriteInvalid: true });
    expect((await drafts.get("linear-regression", "compute-cost")).record).toEqual(sampleDraft());
  });

  it("reports a draft from a newer app version and never saves over it", async () => {
    const { drafts, db } = await repo();
    const newer = { ...sampleDraft(), schemaVersion: 2, cursor: 3 };
    await db.put("drafts", newer);
    const { record, invalid } = await drafts.get("linear-regression", "compute-cost");
    expect(record).toBeUndefined();
    expect(invalid[0]).toMatchObject({ tooNew: true, value: newer });
    const error = await rejection(drafts.put(sampleDraft(), { overwriteInvalid: true }));
    expect(error.message).toMatch(/newer version of the app/);
    expect(await db.get("drafts", ["linear-regression", "compute-cost"])).toEqual(newer);
  });

  it("discards a draft from a newer app version on request, after which the current one saves", async () => {
    const { drafts, db } = await repo();
    await db.put("drafts", { ...sampleDraft(), schemaVersion: 2 });
    expect(await drafts.discardInvalid("linear-regression", "compute-cost")).toBe(true);
    await drafts.put(sampleDraft());
    expect(await drafts.discardInvalid("linear-regression", "compute-cost")).toBe(false);
    expect((await drafts.get("linear-regression", "compute-cost")).record).toEqual(sampleDraft());
  });

  it("turns a full disk into a 'quota-exceeded' error the learner can act on", async () => {
    const { drafts } = await repo();
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    const error = await rejection(drafts.put(sampleDraft()));
    expect(error.code).toBe("quota-exceeded");
    expect(error.message).toBe(STORAGE_MESSAGES.quota);
    expect(error.message).toBe(
      "Storage is full: export and delete old runs, or free disk space. Your current code is still in the editor.",
    );
  });
});
