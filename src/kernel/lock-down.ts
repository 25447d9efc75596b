/**
 * Removes storage, network and worker-spawning APIs from the kernel worker's
 * global scope before learner code runs (DESIGN.md principle 5): learner code
 * must not reach the app's IndexedDB, Cache Storage or the network.
 */
const BLOCKED_GLOBALS = [
  "indexedDB",
  "caches",
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebTransport",
  "EventSource",
  "importScripts",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "Request",
  "FileSystemHandle",
] as const;

/** Deletes the blocked globals from the worker scope and its prototype chain. Irreversible. */
export function lockDownWorkerScope(scope: typeof globalThis): void {
  for (const name of BLOCKED_GLOBALS) {
    for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
      if (Object.prototype.hasOwnProperty.call(target, name)) {
        try {
          delete (target as Record<string, unknown>)[name];
        } catch {
          // Non-configurable property: shadowed below instead.
        }
      }
    }
    Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
  }
  const nav = scope.navigator as unknown as Record<string, unknown> | undefined;
  if (nav) {
    for (const name of ["storage", "serviceWorker", "locks"]) {
      try {
        Object.defineProperty(nav, name, { value: undefined, configurable: false });
      } catch {
        // Already locked.
      }
    }
  }
}
