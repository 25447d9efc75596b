/**
 * The worker's tfjs backend, initialised at most once: either ahead of the
 * request (a prewarm message to the spare worker) or when the request needs
 * it. A request for the backend that was prewarmed reuses that initialisation;
 * another backend is selected afresh (tfjs switches backends in place).
 */
import type { BackendChoice } from "../core/backends/backend-choice";

type Selection = Awaited<ReturnType<(typeof import("../tfjs/select-backend"))["selectBackend"]>>;

let warmed: { backend: BackendChoice; selection: Promise<Selection> } | null = null;

function select(backend: BackendChoice): Promise<Selection> {
  return import("../tfjs/select-backend").then(({ selectBackend }) => selectBackend(backend));
}

/** Starts loading tfjs and initialising `backend` now; errors surface when the request selects it. */
export function prewarm(backend: BackendChoice): void {
  if (warmed) return;
  const selection = select(backend);
  selection.catch(() => undefined);
  warmed = { backend, selection };
}

/** The backend for a request: the prewarmed one when it matches, else a fresh selection. */
export function selectPrewarmed(backend: BackendChoice): Promise<Selection> {
  if (warmed?.backend === backend) return warmed.selection;
  // Wait for a prewarm in flight to settle, so two initialisations never race.
  const before = warmed?.selection.catch(() => undefined) ?? Promise.resolve();
  return before.then(() => select(backend));
}
