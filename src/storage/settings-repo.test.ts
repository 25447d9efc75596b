import { afterEach, describe, expect, it } from "vitest";
import type { NotebookDb } from "./db";
import { createSettingsRepo, defaultSettings } from "./settings-repo";
import { StorageError } from "./storage-error";
import { freshDb } from "./test-support";

let db: NotebookDb | undefined;

async function repo() {
  ({ db } = await freshDb());
  return { settings: createSettingsRepo(db), db };
}

afterEach(() => db?.close());

describe("settings repository", () => {
  it("reads automatic backend choice when nothing is stored", async () => {
    const { settings } = await repo();
    expect(await settings.get()).toEqual({
      settings: { schemaVersion: 1, key: "settings", backend: "auto" },
      invalid: [],
    });
  });

  it("gives back the settings it saved", async () => {
    const { settings } = await repo();
    await settings.put({ schemaVersion: 1, key: "settings", backend: "wasm" });
    expect((await settings.get()).settings.backend).toBe("wasm");
  });

  it("falls back to the defaults for an invalid stored record, reports it and keeps it", async () => {
    const { settings, db } = await repo();
    const bad = { schemaVersion: 1, key: "settings", backend: "tpu" };
    await db.put("settings", bad);
    const result = await settings.get();
    expect(result.settings).toEqual(defaultSettings());
    expect(result.invalid).toMatchObject([
      { key: "settings", issues: [expect.stringMatching(/^backend: /)], value: bad },
    ]);
    await expect(settings.put(defaultSettings())).rejects.toBeInstanceOf(StorageError);
    expect(await db.get("settings", "settings")).toEqual(bad);
  });

  it("replaces an invalid stored record when the learner chooses to", async () => {
    const { settings, db } = await repo();
    await db.put("settings", { key: "settings", backend: 3 });
    await settings.put({ schemaVersion: 1, key: "settings", backend: "cpu" }, { overwriteInvalid: true });
    expect(await settings.get()).toEqual({
      settings: { schemaVersion: 1, key: "settings", backend: "cpu" },
      invalid: [],
    });
  });
});
