/**
 * Which tfjs backend a run asks for and which one it got: the one home of
 * these names for the worker protocol, the tfjs shell and the UI. Pure data.
 */

/** Backends a learner can pick, in the order the `Backend` combobox lists them; `auto` means best available. */
export const BACKEND_CHOICES = ["auto", "webgpu", "wasm", "cpu"] as const;

/** A backend a learner can pick (`auto` included). */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** A concrete tfjs backend that can actually run. */
export type BackendName = Exclude<BackendChoice, "auto">;

export const KERNEL_HOSTS = ["frame", "page"] as const;
export type KernelHostKind = (typeof KERNEL_HOSTS)[number];

/** What backend selection did: the backend requested, the one used, and why better ones were skipped. */
export interface BackendReport {
  requested: BackendChoice;
  used: BackendName;
  /** Why each better backend was skipped, in the order tried. */
  skipped: { backend: BackendName; reason: string }[];
  /** WASM thread count actually in use, when the backend is wasm. */
  threads?: number;
  /** WebGPU adapter description, when one was found. */
  adapter?: { vendor: string; architecture: string; description: string; isFallbackAdapter: boolean };
  /** Version of tfjs-core, e.g. `4.22.0`. */
  tfjsVersion: string;
  /**
   * Where the kernel ran, as it saw itself: `frame`, a worker of the opaque-origin sandboxed frame (a
   * process of its own: running out of memory there spares the page); `page`, a worker of the page
   * (WebGPU, the dev server, or no frame could start).
   */
  kernelHost?: KernelHostKind;
  /** When `auto` was requested: each backend's estimated time for this experiment and why `used` won. */
  auto?: { estimates: { backend: BackendName; ms: number; threads?: number }[]; reason: string };
}
