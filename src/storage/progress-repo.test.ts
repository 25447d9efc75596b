import { afterEach, describe, expect, it } from "vitest";
import { sampleProgress } from "../core/tracking/fixtures";
import type { NotebookDb } from "./db";
import { createProgressRepo } from "./progress-repo";
import { StorageError } from "./storage-error";
import { freshDb } from "./test-support";

let db: NotebookDb | undefined;

async function repo() {
  ({ db } = await freshDb());
  return { progress: createProgressRepo(db), db };
}

afterEach(() => db?.close());

describe("progress repository", () => {
  it("gives back the progress it saved", async () => {
    const { progress } = await repo();
    const record = sampleProgress({ solutionShown: true });
    await progress.put(record);
    expect(await progress.get(record.lessonId, record.exerciseId)).toEqual({ record, invalid: [] });
  });

  it("lists one lesson's progress, and every lesson's with listAll", async () => {
    const { progress } = await repo();
    await progress.put(sampleProgress({ lessonId: "a", exerciseId: "e2" }));
    await progress.put(sampleProgress({ lessonId: "a", exerciseId: "e1" }));
    await progress.put(sampleProgress({ lessonId: "b", exerciseId: "e1" }));
    const keys = (list: { progress: { lessonId: string; exerciseId: string }[] }) =>
      list.progress.map((p) => `${p.lessonId}/${p.exerciseId}`);
    expect(keys(await progress.listByLesson("a"))).toEqual(["a/e1", "a/e2"]);
    expect(keys(await progress.listAll())).toEqual(["a/e1", "a/e2", "b/e1"]);
  });

  it("reports invalid stored progress in listAll instead of dropping it", async () => {
    const { progress, db } = await repo();
    await progress.put(sampleProgress({ lessonId: "a" }));
    await db.put("progress", { ...sampleProgress({ lessonId: "b" }), allPassed: "yes" });
    const { progress: valid, invalid } = await progress.listAll();
    expect(valid.map((p) => p.lessonId)).toEqual(["a"]);
    expect(invalid).toMatchObject([
      { store: "progress", key: ["b", "compute-cost"], issues: [expect.stringMatching(/^allPassed: /)] },
    ]);
  });

  it("refuses to save progress with a malformed verdict", async () => {
    const { progress } = await repo();
    const record = sampleProgress({ verdicts: [{ name: "x", passed: true, expected: "1", got: "1" } as never] });
    const error: unknown = await progress.put(record).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).issues).toEqual([expect.stringMatching(/^verdicts\[0\]\.hidden: /)]);
  });
});
