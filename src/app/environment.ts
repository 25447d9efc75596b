/** A snapshot of the browser and app, stored with every run. */
import type { EnvironmentSnapshot } from "../core/tracking/types";

export const APP_VERSION = __APP_VERSION__;
export const APP_COMMIT = __APP_COMMIT__;

export function environmentSnapshot(): EnvironmentSnapshot {
  const nav = navigator as Navigator & { deviceMemory?: number };
  return {
    userAgent: nav.userAgent,
    hardwareConcurrency: nav.hardwareConcurrency ?? 1,
    ...(nav.deviceMemory !== undefined ? { deviceMemoryGiB: nav.deviceMemory } : {}),
    crossOriginIsolated: self.crossOriginIsolated === true,
    appVersion: APP_VERSION,
    appCommit: APP_COMMIT,
  };
}
