import { describe, expect, it } from "vitest";
import type { LocalLessonRecord } from "../core/tracking/local-lesson-record";
import { DB_VERSION, openNotebookDb } from "./db";
import { createDraftsRepo } from "./drafts-repo";
import { createLocalLessonsRepo } from "./local-lessons-repo";
import { StorageError } from "./storage-error";
import { freshDb, freshFactory, openRaw } from "./test-support";

const record = (lessonId: string, openedAt: string, text = "---\nformat: 1\n---\n"): LocalLessonRecord => ({
  schemaVersion: 1,
  lessonId,
  fileName: `${lessonId}.md`,
  text,
  openedAt,
});

const v1Draft = {
  schemaVersion: 1,
  lessonId: "linear-regression-one-variable",
  exerciseId: "computeCost",
  code: "return 1;",
  hintsRevealed: 0,
  updatedAt: "2026-11-01T08:00:00.000Z",
};

/** The database exactly as DB_VERSION 2 created it, holding one draft. */
async function createV2Db(factory: IDBFactory): Promise<void> {
  const db = await openRaw(factory, 2, (created) => {
    created.createObjectStore("drafts", { keyPath: ["lessonId", "exerciseId"] }).put(v1Draft);
    created.createObjectStore("progress", { keyPath: ["lessonId", "exerciseId"] });
    const runs = created.createObjectStore("runs", { keyPath: "runId" });
    runs.createIndex("byLesson", "lessonId");
    runs.createIndex("byCreatedAt", "createdAt");
    created.createObjectStore("artifacts", { keyPath: "id" });
    created.createObjectStore("settings", { keyPath: "key" });
  });
  db.close();
}

describe("database version 3", () => {
  it("upgrades a version-2 database by adding the localLessons store and keeping every draft", async () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    const factory = freshFactory();
    await createV2Db(factory);
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
    expect((await createDraftsRepo(db).get("linear-regression-one-variable", "computeCost")).record).toEqual(v1Draft);
    await createLocalLessonsRepo(db).put(record("my-lesson", "2026-11-02T08:00:00.000Z"));
    expect((await createLocalLessonsRepo(db).get("my-lesson")).record?.fileName).toBe("my-lesson.md");
    db.close();
  });
});

describe("LocalLessonsRepo", () => {
  it("keeps one record per lesson id, replaced when opened again, listed newest first", async () => {
    const { db } = await freshDb();
    const repo = createLocalLessonsRepo(db);
    await repo.put(record("a-lesson", "2026-11-01T08:00:00.000Z", "old"));
    await repo.put(record("b-lesson", "2026-11-02T08:00:00.000Z"));
    await repo.put(record("a-lesson", "2026-11-03T08:00:00.000Z", "new"));
    const { lessons, invalid } = await repo.list();
    expect(lessons.map((l) => [l.lessonId, l.text.length])).toEqual([
      ["a-lesson", 3],
      ["b-lesson", 18],
    ]);
    expect(invalid).toEqual([]);
    db.close();
  });

  it("refuses to save an invalid record", async () => {
    const { db } = await freshDb();
    const error = await createLocalLessonsRepo(db)
      .put({ ...record("Bad Id", "2026-11-01T08:00:00.000Z") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe("invalid-record");
    db.close();
  });

  it("reports a damaged or newer record instead of dropping it, and never overwrites a newer one", async () => {
    const { db } = await freshDb();
    await db.put("localLessons", { lessonId: "damaged", text: 5 });
    await db.put("localLessons", { ...record("future", "2026-11-01T08:00:00.000Z"), schemaVersion: 9 });
    const repo = createLocalLessonsRepo(db);
    const { lessons, invalid } = await repo.list();
    expect(lessons).toEqual([]);
    expect(invalid.map((i) => [i.key, i.tooNew])).toEqual([
      ["damaged", false],
      ["future", true],
    ]);
    await expect(repo.put(record("future", "2026-11-02T08:00:00.000Z"), { overwriteInvalid: true })).rejects.toThrow(
      /newer version/,
    );
    db.close();
  });
});
