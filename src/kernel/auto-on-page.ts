/**
 * What the page settles before a kernel starts an experiment, from this
 * browser's cached calibration when it was measured on this device (same
 * browser and WebGPU adapter; only the page can tell, since a worker of the
 * kernel's frame has no WebGPU):
 * - WASM runs get the calibration, which says when threads pay (wasm-threads.ts);
 * - Auto is decided here: the request names the backend Auto chose, with the
 *   decision attached, so it runs where that backend runs, in the isolated
 *   frame unless it is WebGPU (kernel-host.ts).
 * Without such a calibration the kernel decides Auto, after calibrating in a
 * worker of the page, where WebGPU can be measured.
 */
import { chooseAutoBackend, isCalibrationFor, type Calibration } from "../core/backends/auto-choice";
import type { BackendChoice } from "../core/backends/backend-choice";
import type { KernelRequest } from "../core/protocol/protocol";
import { deviceIdentity } from "../tfjs/webgpu-adapter";
import { cachedCalibration } from "./calibration-cache";
import { experimentShapeOf } from "./experiment-shape";

/** This device's identity, looked up once per page (the adapter does not change under a page). */
let identity: Promise<string> | null = null;

/** The cached calibration when it was measured on this device, else undefined. */
async function calibrationOfThisDevice(): Promise<Calibration | undefined> {
  const calibration = cachedCalibration();
  if (!calibration) return undefined;
  identity ??= deviceIdentity().catch(() => "");
  return isCalibrationFor(calibration, await identity) ? calibration : undefined;
}

/** `request` with this device's calibration and, for Auto, the decision, when there is one; else as it is. */
export async function withAutoDecided<R extends KernelRequest>(request: R): Promise<R> {
  if (request.kind !== "run-experiment" || (request.backend !== "auto" && request.backend !== "wasm")) return request;
  const calibration = await calibrationOfThisDevice();
  if (!calibration) return request;
  if (request.backend === "wasm") return { ...request, calibration };
  const decision = chooseAutoBackend(calibration, experimentShapeOf(request));
  return { ...request, backend: decision.backend, calibration, autoDecision: decision };
}

/**
 * The backend a spare kernel starts for when runs will ask for `expected`. Once this browser holds a
 * calibration, Auto is decided on the page, mostly for WASM or CPU, so an `auto` spare waits in the
 * isolated frame with WASM ready; before that, the first Auto run calibrates in a worker of the page.
 */
export function spareBackendFor(expected: BackendChoice | undefined): BackendChoice | undefined {
  return expected === "auto" && cachedCalibration() ? "wasm" : expected;
}
