import { afterEach, describe, expect, it, vi } from "vitest";
import { DB_VERSION, openNotebookDb } from "./db";
import { createDraftsRepo } from "./drafts-repo";
import { StorageError } from "./storage-error";
import { createLegacyV1Db, freshDb, freshFactory, openRaw } from "./test-support";

const v0Draft = (exerciseId: string, code: string) => ({
  key: `linear-regression/${exerciseId}`,
  lessonId: "linear-regression",
  exerciseId,
  code,
  savedAt: "2026-10-01T08:00:00.000Z",
});

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("openNotebookDb", () => {
  it("creates every store with its key path and the run indexes", async () => {
    const { db } = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      "artifacts",
      "drafts",
      "localLessons",
      "progress",
      "runSummaries",
      "runs",
      "settings",
    ]);
    const tx = db.transaction(["drafts", "progress", "runs", "artifacts", "settings"]);
    expect(tx.objectStore("drafts").keyPath).toEqual(["lessonId", "exerciseId"]);
    expect(tx.objectStore("progress").keyPath).toEqual(["lessonId", "exerciseId"]);
    expect(tx.objectStore("runs").keyPath).toBe("runId");
    expect([...tx.objectStore("runs").indexNames].sort()).toEqual(["byCreatedAt", "byLesson"]);
    expect(tx.objectStore("runs").index("byLesson").keyPath).toBe("lessonId");
    expect(tx.objectStore("runs").index("byCreatedAt").keyPath).toBe("createdAt");
    expect(tx.objectStore("artifacts").keyPath).toBe("id");
    expect(tx.objectStore("settings").keyPath).toBe("key");
    expect(db.transaction("localLessons").objectStore("localLessons").keyPath).toBe("lessonId");
    db.close();
  });

  it("keeps what was stored when the database is opened again", async () => {
    const { db, factory } = await freshDb();
    await db.put("artifacts", { id: "linear-regression/theta@v1" });
    db.close();
    const again = await openNotebookDb(factory);
    expect(await again.get("artifacts", "linear-regression/theta@v1")).toEqual({ id: "linear-regression/theta@v1" });
    again.close();
  });

  it("upgrades a version-1 database, migrating its drafts and keeping them", async () => {
    const factory = freshFactory();
    await createLegacyV1Db(factory, [v0Draft("compute-cost", "return 1;"), v0Draft("gradient-step", "return 2;")]);
    const db = await openNotebookDb(factory);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      "artifacts",
      "drafts",
      "localLessons",
      "progress",
      "runSummaries",
      "runs",
      "settings",
    ]);
    const stored = await db.get("drafts", ["linear-regression", "compute-cost"]);
    expect(stored).toEqual({
      schemaVersion: 1,
      lessonId: "linear-regression",
      exerciseId: "compute-cost",
      code: "return 1;",
      hintsRevealed: 0,
      updatedAt: "2026-10-01T08:00:00.000Z",
    });
    const { drafts, invalid } = await createDraftsRepo(db).listByLesson("linear-regression");
    expect(drafts.map((d) => d.code)).toEqual(["return 1;", "return 2;"]);
    expect(invalid).toEqual([]);
    db.close();
  });

  it("keeps a version-1 draft it cannot migrate, and reports it on read", async () => {
    const factory = freshFactory();
    const broken = {
      key: "linear-regression/compute-cost",
      lessonId: "linear-regression",
      exerciseId: "compute-cost",
      savedAt: 5,
    };
    await createLegacyV1Db(factory, [broken]);
    const db = await openNotebookDb(factory);
    const result = await createDraftsRepo(db).get("linear-regression", "compute-cost");
    expect(result.record).toBeUndefined();
    expect(result.invalid).toEqual([
      {
        store: "drafts",
        key: ["linear-regression", "compute-cost"],
        issues: ["code: a version-0 draft has no code text"],
        tooNew: false,
        value: broken,
      },
    ]);
    db.close();
  });

  it("wraps a version-1 value without usable ids whole, keyed by its old key", async () => {
    const factory = freshFactory();
    const odd = { key: "linear-regression/notes", text: "my notes" };
    await createLegacyV1Db(factory, [odd]);
    const db = await openNotebookDb(factory);
    expect(await db.get("drafts", ["linear-regression", "notes"])).toEqual({
      lessonId: "linear-regression",
      exerciseId: "notes",
      legacyKey: "linear-regression/notes",
      legacyValue: odd,
    });
    const { invalid } = await createDraftsRepo(db).listByLesson("linear-regression");
    expect(invalid).toHaveLength(1);
    db.close();
  });

  it("leaves a version-1 database intact when its upgrade fails", async () => {
    const factory = freshFactory();
    await createLegacyV1Db(factory, [v0Draft("compute-cost", "return 1;")]);
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("disk", "UnknownError");
    });
    await rejection(openNotebookDb(factory));
    vi.restoreAllMocks();
    const old = await openRaw(factory, 1);
    expect([...old.objectStoreNames]).toEqual(["drafts"]);
    const stored = await new Promise((resolve) => {
      const request = old.transaction("drafts").objectStore("drafts").get("linear-regression/compute-cost");
      request.onsuccess = () => resolve(request.result);
    });
    expect(stored).toEqual(v0Draft("compute-cost", "return 1;"));
    old.close();
  });

  it("rejects with 'blocked' while another tab keeps an older version open", async () => {
    const factory = freshFactory();
    await createLegacyV1Db(factory, []);
    const otherTab = await openRaw(factory, 1);
    const error = await rejection(openNotebookDb(factory));
    expect(error.code).toBe("blocked");
    expect(error.message).toMatch(/Close the other tabs/);
    otherTab.close();
  });

  it("rejects with 'unavailable' when a newer app version made the database", async () => {
    const factory = freshFactory();
    (await openRaw(factory, DB_VERSION + 1)).close();
    const error = await rejection(openNotebookDb(factory));
    expect(error.code).toBe("unavailable");
    expect(error.message).toMatch(/newer version of the app/);
  });

  it("closes itself and tells the app when another tab needs a newer version", async () => {
    const factory = freshFactory();
    const onVersionChange = vi.fn();
    await openNotebookDb(factory, { onVersionChange });
    const newerTab = await openRaw(factory, DB_VERSION + 1);
    expect(onVersionChange).toHaveBeenCalledOnce();
    newerTab.close();
  });

  it("rejects with 'unavailable' when the browser offers no IndexedDB", async () => {
    vi.stubGlobal("indexedDB", undefined);
    const error = await rejection(openNotebookDb());
    expect(error.code).toBe("unavailable");
  });
});
