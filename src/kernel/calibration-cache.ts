/**
 * Keeps this device's Auto calibration (core/backends/auto-choice.ts) in
 * localStorage under CALIBRATION_KEY, so it is measured once per browser and
 * adapter; the page sends it with a run only when the identity matches
 * (auto-on-page.ts), else the kernel measures again.
 * localStorage (not IndexedDB): a few hundred bytes, read synchronously before each Auto run.
 */
import type { Calibration } from "../core/backends/auto-choice";
import { calibrationSchema } from "../core/protocol/message-schema";
import type { KernelMessage } from "../core/protocol/protocol";

/** Storage key; the calibration carries its own version, checked by the kernel. */
export const CALIBRATION_KEY = "ml-notebook.auto-calibration";

/**
 * This browser's cached calibration, if any, checked against the schema the kernel's messages meet:
 * storage outlives versions of the app and anyone with the browser's devtools can write it. A stored
 * value that fails is treated as missing, so the next Auto run calibrates again and replaces it.
 * (Whether it was measured on this device is checked by auto-on-page.ts.)
 */
export function cachedCalibration(): Calibration | undefined {
  try {
    const text = globalThis.localStorage?.getItem(CALIBRATION_KEY);
    if (!text) return undefined;
    const parsed = calibrationSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
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
