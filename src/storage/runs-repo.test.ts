import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunId } from "../core/tracking/types";
import { sampleRun, withoutFields } from "../core/tracking/fixtures";
import { exportRuns, parseRunsExport } from "../core/tracking/run-export";
import type { NotebookDb } from "./db";
import { createRunsRepo } from "./runs-repo";
import { StorageError } from "./storage-error";
import { freshDb } from "./test-support";

const dbs: NotebookDb[] = [];

async function repo() {
  const { db } = await freshDb();
  dbs.push(db);
  return { runs: createRunsRepo(db), db };
}

const id = (value: string) => value as RunId;

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
  dbs.splice(0).forEach((db) => db.close());
});

describe("runs repository", () => {
  it("gives back the run it saved", async () => {
    const { runs } = await repo();
    await runs.put(sampleRun());
    expect(await runs.get(id("run-0001"))).toEqual({ record: sampleRun(), invalid: [] });
  });

  it("lists newest first, comparing times rather than their spelling", async () => {
    const { runs } = await repo();
    await runs.put(sampleRun({ runId: id("a"), createdAt: "2026-11-03T10:00:00Z" }));
    await runs.put(sampleRun({ runId: id("b"), createdAt: "2026-11-03T10:00:00.500Z" }));
    await runs.put(sampleRun({ runId: id("c"), createdAt: "2026-11-03T12:00:00.000+03:00" }));
    await runs.put(sampleRun({ runId: id("d"), createdAt: "2026-11-03T10:00:00.500Z" }));
    const { runs: listed } = await runs.list();
    expect(listed.map((r) => r.runId)).toEqual(["b", "d", "a", "c"]);
  });

  it("lists only the runs of one lesson when asked", async () => {
    const { runs } = await repo();
    await runs.put(sampleRun({ runId: id("a"), lessonId: "linear-regression", createdAt: "2026-11-01T00:00:00Z" }));
    await runs.put(sampleRun({ runId: id("b"), lessonId: "logistic-regression" }));
    await runs.put(sampleRun({ runId: id("c"), lessonId: "linear-regression", createdAt: "2026-11-02T00:00:00Z" }));
    const { runs: listed } = await runs.list({ lessonId: "linear-regression" });
    expect(listed.map((r) => r.runId)).toEqual(["c", "a"]);
  });

  it("reports an invalid stored run next to the valid ones, also in a lesson's list", async () => {
    const { runs, db } = await repo();
    await runs.put(sampleRun({ runId: id("good") }));
    const bad = { ...sampleRun({ runId: id("bad") }), backend: { ...sampleRun().backend, used: "tpu" } };
    await db.put("runs", bad);
    for (const filter of [{}, { lessonId: "linear-regression" }]) {
      const { runs: listed, invalid } = await runs.list(filter);
      expect(listed.map((r) => r.runId)).toEqual(["good"]);
      expect(invalid).toEqual([
        { store: "runs", key: "bad", issues: [expect.stringMatching(/^backend\.used: /)], tooNew: false, value: bad },
      ]);
    }
  });

  it("lists a stored run that lacks createdAt as invalid rather than losing it", async () => {
    const { runs, db } = await repo();
    await db.put("runs", withoutFields(sampleRun(), "createdAt"));
    expect((await runs.list()).invalid).toMatchObject([
      { key: "run-0001", issues: [expect.stringMatching(/^createdAt: /)] },
    ]);
  });

  it("reports a run from a newer schema and never saves over it", async () => {
    const { runs, db } = await repo();
    const newer = { ...sampleRun(), schemaVersion: 99 };
    await db.put("runs", newer);
    const { invalid } = await runs.list();
    expect(invalid).toMatchObject([{ key: "run-0001", tooNew: true }]);
    expect(invalid[0].issues[0]).toMatch(/newer than this app understands/);
    await rejection(runs.put(sampleRun(), { overwriteInvalid: true }));
    await rejection(runs.importMany([sampleRun()]));
    expect(await db.get("runs", "run-0001")).toEqual(newer);
  });

  it("deletes a run, valid or not, and ignores a missing one", async () => {
    const { runs, db } = await repo();
    await runs.put(sampleRun({ runId: id("good") }));
    await db.put("runs", { runId: "bad" });
    await runs.delete(id("good"));
    await runs.delete(id("bad"));
    await runs.delete(id("never"));
    expect(await runs.list()).toEqual({ runs: [], invalid: [] });
  });

  it("imports new runs and skips those already stored with the same content", async () => {
    const { runs } = await repo();
    const stored = sampleRun({ runId: id("a"), seed: 1 });
    await runs.put(stored);
    const result = await runs.importMany([sampleRun({ runId: id("a"), seed: 1 }), sampleRun({ runId: id("b") })]);
    expect(result).toEqual({ imported: ["b"], skipped: ["a"] });
    expect((await runs.get(id("a"))).record).toEqual(stored);
    expect((await runs.get(id("b"))).record?.seed).toBe(42);
  });

  it("imports nothing when a run clashes with a stored one, or repeats an id with other content", async () => {
    const { runs } = await repo();
    const stored = sampleRun({ runId: id("a"), seed: 1 });
    await runs.put(stored);
    const clash = await rejection(
      runs.importMany([sampleRun({ runId: id("c") }), sampleRun({ runId: id("a"), seed: 2 })]),
    );
    expect(clash.issues).toEqual(['run 2: runId: a different run with id "a" is already stored']);
    const repeated = await rejection(
      runs.importMany([sampleRun({ runId: id("b") }), sampleRun({ runId: id("b"), seed: 3 })]),
    );
    expect(repeated.issues).toEqual(['run 2: runId: a different run with id "b" is already stored']);
    expect((await runs.list()).runs).toEqual([stored]);
  });

  it("discards a stored run only while it is still unreadable", async () => {
    const { runs, db } = await repo();
    await db.put("runs", { runId: "bad" });
    await runs.put(sampleRun({ runId: id("good") }));
    expect(await runs.discardInvalid(id("good"))).toBe(false);
    expect(await runs.discardInvalid(id("bad"))).toBe(true);
    expect(await db.get("runs", "bad")).toBeUndefined();
    expect((await runs.list()).runs).toHaveLength(1);
  });

  it("imports nothing when any run is invalid, naming it by its position", async () => {
    const { runs } = await repo();
    const bad = { ...sampleRun({ runId: id("b") }), seed: "x" as unknown as number };
    const error = await rejection(runs.importMany([sampleRun({ runId: id("a") }), bad]));
    expect(error.code).toBe("invalid-record");
    expect(error.issues).toEqual([expect.stringMatching(/^run 2: seed: /)]);
    expect((await runs.list()).runs).toEqual([]);
  });

  it("imports nothing when the disk fills up halfway", async () => {
    const { runs } = await repo();
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      calls += 1;
      if (calls > 1) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return realPut.apply(this, args);
    });
    const error = await rejection(runs.importMany([sampleRun({ runId: id("a") }), sampleRun({ runId: id("b") })]));
    expect(error.code).toBe("quota-exceeded");
    vi.restoreAllMocks();
    expect(await runs.list()).toEqual({ runs: [], invalid: [] });
  });

  it("moves runs to another browser through export and import unchanged", async () => {
    const { runs } = await repo();
    const diverged = sampleRun({ runId: id("b"), createdAt: "2026-11-04T00:00:00Z", maxAbsThetaDiff: Number.NaN });
    await runs.put(sampleRun({ runId: id("a") }));
    await runs.put(diverged);
    const original = (await runs.list()).runs;
    const parsed = parseRunsExport(exportRuns(original, { appVersion: "0.1.0" }));
    expect(parsed.errors).toEqual([]);
    const { runs: elsewhere } = await repo();
    expect(await elsewhere.importMany(parsed.runs)).toEqual({ imported: ["b", "a"], skipped: [] });
    expect((await elsewhere.list()).runs).toEqual(original);
  });
});
