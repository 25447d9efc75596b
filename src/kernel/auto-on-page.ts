/**
 * Auto decided by the page, before a kernel starts, when this browser holds a
 * calibration measured on this device (same browser and WebGPU adapter): the
 * request then names the backend Auto chose, with the decision attached, so
 * it runs where that backend runs: in the isolated frame unless it is WebGPU
 * (kernel-host.ts). Without such a calibration the kernel decides, after
 * calibrating in a worker of the page, where WebGPU can be measured.
 */
import { chooseAutoBackend, isCalibrationFor } from "../core/backends/auto-choice";
import type { BackendChoice } from "../core/backends/backend-choice";
import type { KernelRequest } from "../core/protocol/protocol";
import { deviceIdentity } from "../tfjs/webgpu-adapter";
import { cachedCalibration } from "./calibration-cache";
import { experimentShapeOf } from "./experiment-shape";

/** This device's identity, looked up once per page (the adapter does not change under a page). */
let identity: Promise<string> | null = null;

/** `request` with Auto decided here when it can be; any other request as it is. */
export async function withAutoDecided<R extends KernelRequest>(request: R): Promise<R> {
  if (request.kind !== "run-experiment" || request.backend !== "auto") return request;
  const calibration = cachedCalibration();
  if (!calibration) return request;
  identity ??= deviceIdentity().catch(() => "");
  if (!isCalibrationFor(calibration, await identity)) return request;
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
