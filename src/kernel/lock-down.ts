/**
 * Defence in depth for the worker's own global object. Cells never see it
 * (each runs in an SES Compartment with an allow-list of globals, see
 * compartment.ts); but tfjs keeps a reference to it (`env().global`) for its
 * own use, so the host APIs that reach storage, the network, other contexts
 * or the page are removed from it as well, on the object and on every
 * prototype of its chain, where WebIDL puts them as getters and methods.
 * `postMessage` goes too: the kernel captured its own reference first.
 */
const BLOCKED_GLOBALS = [
  "postMessage",
  "indexedDB",
  "caches",
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "MessageChannel",
  "Request",
  "FontFace",
  "fonts",
  "FileSystemHandle",
  "FileSystemDirectoryHandle",
  "FileSystemFileHandle",
  "FileSystemSyncAccessHandle",
  "StorageManager",
  "LockManager",
  "CacheStorage",
  "IDBFactory",
  "Notification",
] as const;

/** Capabilities reached through `navigator` (also getters on WorkerNavigator.prototype). */
const BLOCKED_NAVIGATOR = ["storage", "locks", "serviceWorker", "usb", "serial", "hid", "bluetooth"] as const;

function removeEverywhere(target: object, name: string): void {
  for (let current: object | null = target; current; current = Object.getPrototypeOf(current)) {
    if (!Object.prototype.hasOwnProperty.call(current, name)) continue;
    try {
      delete (current as Record<string, unknown>)[name];
    } catch {
      // Non-configurable: shadowed below instead.
    }
  }
}

/** Removes the blocked APIs from the worker scope, its prototypes and its navigator. Irreversible. */
export function lockDownWorkerScope(scope: typeof globalThis): void {
  const nav = (scope as { navigator?: object }).navigator;
  for (const name of BLOCKED_GLOBALS) {
    removeEverywhere(scope, name);
    try {
      Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // Already locked.
    }
  }
  if (!nav) return;
  for (const name of BLOCKED_NAVIGATOR) {
    removeEverywhere(nav, name);
    try {
      Object.defineProperty(nav, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // Already locked.
    }
  }
}
