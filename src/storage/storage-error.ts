/**
 * The one error class of the storage layer, with messages a learner can act
 * on, and the mapping from IndexedDB's DOMException names to it.
 */

/** Why a storage operation failed. */
export const STORAGE_ERROR_CODES = ["quota-exceeded", "invalid-record", "unavailable", "blocked", "unknown"] as const;
/** One of `STORAGE_ERROR_CODES`. */
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

/** Messages shown to the learner, per failure. */
export const STORAGE_MESSAGES = {
  quota: "Storage is full: export and delete old runs, or free disk space. Your current code is still in the editor.",
  noIndexedDb:
    "This browser does not let the notebook store data (private window, or site data blocked?). " +
    "Your work will not be kept after this tab closes.",
  denied:
    "The browser refused the notebook access to its storage (private window, or site data blocked?). " +
    "Your work will not be kept after this tab closes.",
  newerDb: "This notebook's storage was last used by a newer version of the app. Reload the page to update the app.",
  closed: "The notebook's storage was closed, maybe because another tab updated it. Reload the page.",
  blocked:
    "The notebook is open in another tab with an older version. Close the other tabs of this notebook, then reload this page.",
  broken:
    "The browser could not read or write the notebook's storage. Reload the page; if this keeps happening, " +
    "check free disk space and the browser's site-data settings.",
} as const;

/** A failed storage operation. `code` says why; `issues` lists validation problems for "invalid-record". */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly issues: string[];

  /** `options.cause` keeps the original DOMException for debugging. */
  constructor(code: StorageErrorCode, message: string, options: { cause?: unknown; issues?: string[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "StorageError";
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

function errorName(error: unknown): string {
  if (typeof error === "object" && error !== null && "name" in error && typeof error.name === "string")
    return error.name;
  return "";
}

function errorMessage(error: unknown): string {
  return error instanceof Error || (typeof error === "object" && error !== null && "message" in error)
    ? String((error as { message: unknown }).message)
    : String(error);
}

/**
 * Maps any failure of `action` (e.g. "save the draft") to a StorageError:
 * QuotaExceededError -> "quota-exceeded"; VersionError, SecurityError,
 * InvalidStateError, UnknownError -> "unavailable"; DataCloneError ->
 * "invalid-record"; anything else -> "unknown". A StorageError passes through.
 */
export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  const options = { cause: error };
  switch (name) {
    case "QuotaExceededError":
    case "NS_ERROR_DOM_QUOTA_REACHED":
      return new StorageError("quota-exceeded", STORAGE_MESSAGES.quota, options);
    case "VersionError":
      return new StorageError("unavailable", STORAGE_MESSAGES.newerDb, options);
    case "SecurityError":
      return new StorageError("unavailable", STORAGE_MESSAGES.denied, options);
    case "InvalidStateError":
      return new StorageError("unavailable", STORAGE_MESSAGES.closed, options);
    case "UnknownError":
      return new StorageError("unavailable", STORAGE_MESSAGES.broken, options);
    case "DataCloneError":
      return new StorageError(
        "invalid-record",
        `Could not ${action}: the record contains values that cannot be stored.`,
        options,
      );
    default:
      return new StorageError("unknown", `Could not ${action}: ${errorMessage(error)}. Please try again.`, options);
  }
}
