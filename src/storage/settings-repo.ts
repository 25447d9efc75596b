/**
 * App settings, one record under key "settings" in the "settings" store.
 * A missing or unreadable record reads as the defaults; an unreadable one is
 * also reported and stays stored until the learner chooses to replace it.
 */
import { restoreSettings } from "../core/tracking/migrations";
import { validateSettings } from "../core/tracking/schemas";
import type { SettingsRecord } from "../core/tracking/types";
import type { NotebookDb } from "./db";
import type { InvalidRecord, PutOptions } from "./record-io";
import { assertValid, getOne, putChecked } from "./record-io";

/** Settings used when none are stored: pick the best backend automatically. */
export function defaultSettings(): SettingsRecord {
  return { schemaVersion: 1, key: "settings", backend: "auto" };
}

/** The settings in effect, and the stored record if it failed validation. */
export interface SettingsResult {
  settings: SettingsRecord;
  invalid: InvalidRecord[];
}

/** Reads and writes settings. All methods reject only with StorageError. */
export interface SettingsRepo {
  /** The stored settings, or `defaultSettings()` when none or invalid. */
  get(): Promise<SettingsResult>;
  /** Validates and saves the settings. */
  put(settings: SettingsRecord, options?: PutOptions): Promise<void>;
}

/** A settings repository over an open notebook database. */
export function createSettingsRepo(db: NotebookDb): SettingsRepo {
  return {
    get: async () => {
      const { record, invalid } = await getOne(db, "settings", "settings", restoreSettings);
      return { settings: record ?? defaultSettings(), invalid };
    },
    put: async (settings, options) => {
      const record = assertValid(validateSettings(settings), "settings");
      await putChecked(db, "settings", record.key, record, restoreSettings, "settings", options);
    },
  };
}
