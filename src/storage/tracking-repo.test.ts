import { describe, expect, it } from "vitest";
import { runArtifactContents, type ArtifactRecord } from "../core/tracking/artifacts";
import { sampleRun } from "../core/tracking/fixtures";
import { sha256Hex } from "../core/ml/sha256";
import type { RunId, RunRecord } from "../core/tracking/types";
import { DB_VERSION, openNotebookDb } from "./db";
import { createRunsRepo } from "./runs-repo";
import { freshDb, freshFactory, openRaw } from "./test-support";
import { createTrackingRepo, type PreparedArtifact } from "./tracking-repo";

async function prepared(run: RunRecord): Promise<PreparedArtifact[]> {
  return Promise.all(
    runArtifactContents(run).map(async (content) => ({
      schemaVersion: 1 as const,
      lessonId: run.lessonId,
      name: content.name,
      runId: run.runId,
      mediaType: content.mediaType,
      bytes: new TextEncoder().encode(content.text).byteLength,
      sha256: await sha256Hex(content.text),
      createdAt: run.createdAt,
      text: content.text,
    })),
  );
}

const runWithId = (id: string, createdAt = "2026-11-03T10:00:00.000Z") => sampleRun({ runId: id as RunId, createdAt });

describe("tracking repository", () => {
  it("upgrades a version-3 database to 4 with the summaries store and artifact indexes", async () => {
    const factory = freshFactory();
    const v3 = await openRaw(factory, 3, (db) => {
      db.createObjectStore("runs", { keyPath: "runId" });
      db.createObjectStore("artifacts", { keyPath: "id" });
    });
    v3.close();
    const db = await openNotebookDb(factory);
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains("runSummaries")).toBe(true);
    const tx = db.transaction("artifacts");
    expect([...tx.store.indexNames].sort()).toEqual(["byName", "byRun"]);
  });

  it("saves a run with versioned artifacts and reads them back verified", async () => {
    const { db } = await freshDb();
    const repo = createTrackingRepo(db);
    const first = await repo.saveRun(runWithId("a"), await prepared(runWithId("a")));
    const second = await repo.saveRun(runWithId("b"), await prepared(runWithId("b")));
    expect(first.artifactIds).toContain("linear-regression/gradient-descent-loss-history@v1");
    expect(second.artifactIds).toContain("linear-regression/gradient-descent-loss-history@v2");
    const reads = await repo.artifactsOf("b");
    expect(reads.every((read) => read.ok)).toBe(true);
    expect((await repo.newestSummaries()).map((s) => s.runId).sort()).toEqual(["a", "b"]);
  });

  it("refuses an artifact whose bytes were altered", async () => {
    const { db } = await freshDb();
    const repo = createTrackingRepo(db);
    const saved = await repo.saveRun(runWithId("a"), await prepared(runWithId("a")));
    const id = saved.artifactIds![0];
    const stored = (await db.get("artifacts", id)) as ArtifactRecord;
    await db.put("artifacts", { ...stored, text: stored.text.replace("-3.63", "-3.64") });
    const read = await repo.readArtifact(id);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/damaged or was altered/);
  });

  it("lists newest first through the index and rebuilds summaries of runs saved elsewhere", async () => {
    const { db } = await freshDb();
    await createRunsRepo(db).put(runWithId("old", "2026-11-01T00:00:00.000Z"));
    await createRunsRepo(db).put(runWithId("new", "2026-11-02T00:00:00.000Z"));
    const repo = createTrackingRepo(db);
    expect(await repo.syncSummaries()).toEqual([]);
    expect((await repo.newestSummaries(1)).map((s) => s.runId)).toEqual(["new"]);
    expect(await db.count("runSummaries")).toBe(2);
    expect(await repo.syncSummaries()).toEqual([]);
  });

  it("reports a stored run it cannot read as damaged, and drops the summary of a run that is gone", async () => {
    const { db } = await freshDb();
    const repo = createTrackingRepo(db);
    await repo.saveRun(runWithId("kept"));
    await repo.saveRun(runWithId("gone"));
    await db.delete("runs", "gone");
    await db.put("runs", { ...runWithId("broken"), seed: "x" });
    const damaged = await repo.syncSummaries();
    expect(damaged).toMatchObject([{ store: "runs", key: "broken", tooNew: false }]);
    expect(damaged[0].issues.join()).toMatch(/seed/);
    expect((await repo.newestSummaries()).map((s) => s.runId)).toEqual(["kept"]);
  });

  it("keeps tags and a note, and deletes with undo", async () => {
    const { db } = await freshDb();
    const repo = createTrackingRepo(db);
    await repo.saveRun(runWithId("a"), await prepared(runWithId("a")));
    await repo.setLabels("a", { tags: ["baseline"], note: "first try" });
    expect((await repo.summariesBy("byTag", "baseline")).map((s) => s.runId)).toEqual(["a"]);
    const deleted = await repo.deleteRun("a");
    expect(await repo.getRun("a")).toBeUndefined();
    expect(await db.count("artifacts")).toBe(0);
    await repo.undoDelete(deleted);
    expect((await repo.getRun("a"))?.note).toBe("first try");
    expect(await db.count("artifacts")).toBe(3);
  });

  it("imports all or nothing, skipping runs already here and re-versioning taken artifact ids", async () => {
    const source = createTrackingRepo((await freshDb()).db);
    const exported = await source.saveRun(runWithId("x"), await prepared(runWithId("x")));
    const artifacts = (await source.artifactsOf("x")).flatMap((r) => (r.ok ? [r.artifact] : []));
    const { db } = await freshDb();
    const target = createTrackingRepo(db);
    await target.saveRun(runWithId("local"), await prepared(runWithId("local")));
    const result = await target.importBundle([exported], artifacts);
    expect(result).toEqual({ imported: ["x"], skipped: [] });
    expect((await target.getRun("x"))?.artifactIds).toContain("linear-regression/gradient-descent-loss-history@v2");
    expect((await target.importBundle([exported], artifacts)).skipped).toEqual(["x"]);
    const broken = { ...runWithId("y"), implementations: "nope" } as unknown as RunRecord;
    await expect(target.importBundle([runWithId("z"), broken], [])).rejects.toThrow();
    expect(await target.getRun("z")).toBeUndefined();
  });

  it("refuses the whole import when a run id is stored with other content, and keeps labels out of the comparison", async () => {
    const { db } = await freshDb();
    const target = createTrackingRepo(db);
    await target.saveRun(runWithId("here"));
    await target.setLabels("here", { tags: ["mine"], note: "edited after import" });
    expect((await target.importBundle([runWithId("here")], [])).skipped).toEqual(["here"]);
    const changed = { ...runWithId("here"), seed: 99 };
    await expect(target.importBundle([runWithId("new-one"), changed], [])).rejects.toMatchObject({
      code: "invalid-record",
      issues: ['run 2: runId: a different run with id "here" is already stored'],
    });
    expect(await target.getRun("new-one")).toBeUndefined();
    expect(await db.count("runSummaries")).toBe(1);
    expect((await target.getRun("here"))?.seed).toBe(runWithId("here").seed);
  });
});
