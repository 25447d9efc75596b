/**
 * Type guards of the worker protocol, derived from its kind lists: a value
 * crossing `postMessage` is checked by its `kind` before it is trusted. Pure.
 */
import {
  KERNEL_FINAL_KINDS,
  KERNEL_MESSAGE_KINDS,
  KERNEL_REQUEST_KINDS,
  type KernelFinalMessage,
  type KernelMessage,
  type KernelRequest,
} from "./protocol";

function hasKindIn(value: unknown, kinds: readonly string[]): boolean {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === "string" && kinds.includes(kind);
}

/** True when `value` has the `kind` of a worker message (its other fields are not checked). */
export function isKernelMessage(value: unknown): value is KernelMessage {
  return hasKindIn(value, KERNEL_MESSAGE_KINDS);
}

/** True when `value` has the `kind` of a request (its other fields are not checked). */
export function isKernelRequest(value: unknown): value is KernelRequest {
  return hasKindIn(value, KERNEL_REQUEST_KINDS);
}

/** True when a message ends its run: a reply or `failed`. */
export function isFinalMessage(message: KernelMessage): message is KernelFinalMessage {
  return hasKindIn(message, KERNEL_FINAL_KINDS);
}
