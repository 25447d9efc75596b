/**
 * The WebGPU adapter this browser offers, described without creating a device
 * and without loading tfjs: the kernel reports it, and the page names the
 * device by it (calibration identity) to decide Auto before a run starts.
 */
import type { BackendReport } from "../core/backends/backend-choice";
import { calibrationIdentity } from "../core/backends/auto-choice";

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

/** The adapter (null when none). */
export async function webGpuAdapter(): Promise<NonNullable<BackendReport["adapter"]> | null> {
  const gpu = (self.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  const found = gpu ? await gpu.requestAdapter() : null;
  if (!found) return null;
  const info = found.info ?? {};
  return {
    vendor: info.vendor ?? "",
    architecture: info.architecture ?? "",
    description: info.description ?? "",
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? found.isFallbackAdapter),
  };
}

/** This device's identity for the calibration cache: the browser and its WebGPU adapter (if any). */
export async function deviceIdentity(): Promise<string> {
  const adapter = await webGpuAdapter().catch(() => null);
  return calibrationIdentity(self.navigator.userAgent, adapter);
}
