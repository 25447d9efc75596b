import { describe, expect, it } from "vitest";
import type { BenchmarkSweepRecord } from "../core/tracking/benchmark-sweep-record";
import { createBenchmarksRepo } from "./benchmarks-repo";
import { DB_VERSION, openNotebookDb } from "./db";
import { freshFactory, openRaw } from "./test-support";

const sweep = (id: string, createdAt: string): BenchmarkSweepRecord => ({
  schemaVersion: 1,
  id,
  createdAt,
  scale: "quick",
  backends: ["cpu"],
  notes: [],
  userAgent: "test",
  hardwareConcurrency: 2,
  points: [{ workload: "matmul", implementation: "cpu", size: 32, cols: 32, msPerOp: 1, gflops: 0.1, repeats: 3 }],
  summaries: [
    { workload: "matmul", size: 32, cols: 32, ms: { cpu: 1 }, winner: "cpu", auto: "cpu", autoSource: "measured" },
  ],
});

describe("BenchmarksRepo", () => {
  it("upgrades a version-4 database to 5 with the benchmarks store, keeping its runs", async () => {
    const factory = freshFactory();
    const v4 = await openRaw(factory, 4, (raw) => {
      raw.createObjectStore("runs", { keyPath: "runId" }).put({ runId: "kept" });
    });
    v4.close();
    const db = await openNotebookDb(factory);
    expect(db.version).toBe(DB_VERSION);
    expect(db.transaction("benchmarks").store.indexNames.contains("byCreatedAt")).toBe(true);
    expect(await db.get("runs", "kept")).toEqual({ runId: "kept" });
    db.close();
  });

  it("keeps sweeps across reopening, newest first", async () => {
    const factory = freshFactory();
    const db = await openNotebookDb(factory);
    await createBenchmarksRepo(db).put(sweep("a", "2026-11-01T00:00:00.000Z"));
    await createBenchmarksRepo(db).put(sweep("b", "2026-11-02T00:00:00.000Z"));
    db.close();
    const again = await openNotebookDb(factory);
    const { sweeps, invalid } = await createBenchmarksRepo(again).list();
    expect(sweeps.map((s) => s.id)).toEqual(["b", "a"]);
    expect(invalid).toEqual([]);
    again.close();
  });

  it("refuses an invalid sweep and reports a damaged stored one", async () => {
    const db = await openNotebookDb(freshFactory());
    await expect(createBenchmarksRepo(db).put({ ...sweep("c", "nope") })).rejects.toMatchObject({
      code: "invalid-record",
    });
    await db.put("benchmarks", { id: "broken", schemaVersion: 1 });
    const { invalid } = await createBenchmarksRepo(db).list();
    expect(invalid.map((i) => i.key)).toEqual(["broken"]);
    db.close();
  });
});
