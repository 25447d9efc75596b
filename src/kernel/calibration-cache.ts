/**
 * Keeps this device's Auto calibration (core/backends/auto-choice.ts) in
 * localStorage under CALIBRATION_KEY, so it is measured once per browser and
 * adapter; the page sends it with a run only when the identity matches
 * (auto-on-page.ts), else the kernel measures again.
 * localStorage (not IndexedDB): a few hundred bytes, read synchronously before each Auto run.
 */
import type { Calibration } from "../core/backends/auto-choice";
import type { KernelMessage } from "../core/protocol/protocol";

/** Storage key; the calibration carries its own version, checked by the kernel. */
export const CALIBRATION_KEY = "ml-notebook.auto-calibration";

/** This browser's cached calibration, if any (its device identity is checked by the kernel, not here). */
export function cachedCalibration(): Calibration | undefined {
  try {
    const text = globalThis.localStorage?.getItem(CALIBRATION_KEY);
    return text ? (JSON.parse(text) as Calibration) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a calibration that a finished experiment measured. */
export function rememberCalibration(message: KernelMessage): void {
  if (message.kind !== "experiment-done" || !message.result.calibration) return;
  try {
    globalThis.localStorage?.setItem(CALIBRATION_KEY, JSON.stringify(message.result.calibration));
  } catch {
    // Storage full or blocked: the next Auto run calibrates again.
  }
}
