/**
 * The spare kernel worker's head start: before it gets its one request, the
 * client asks it to load tfjs and initialise a backend (for WASM: fetch and
 * compile the module), so a run does not pay for start-up. Not a run: it
 * carries no learner code and leaves no tensors. Message type and guard only.
 */
import type { BackendChoice } from "../core/backends/backend-choice";

/** Sent by the client to a spare worker right after spawning it. */
export interface PrewarmMessage {
  kind: "prewarm";
  backend: BackendChoice;
}

/** True for a prewarm message. */
export function isPrewarmMessage(value: unknown): value is PrewarmMessage {
  if (typeof value !== "object" || value === null) return false;
  const { kind, backend } = value as Partial<PrewarmMessage>;
  return kind === "prewarm" && typeof backend === "string";
}
