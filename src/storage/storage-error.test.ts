import { describe, expect, it } from "vitest";
import { STORAGE_MESSAGES, StorageError, toStorageError } from "./storage-error";

describe("toStorageError", () => {
  it.each([
    ["QuotaExceededError", "quota-exceeded", STORAGE_MESSAGES.quota],
    ["NS_ERROR_DOM_QUOTA_REACHED", "quota-exceeded", STORAGE_MESSAGES.quota],
    ["VersionError", "unavailable", STORAGE_MESSAGES.newerDb],
    ["SecurityError", "unavailable", STORAGE_MESSAGES.denied],
    ["InvalidStateError", "unavailable", STORAGE_MESSAGES.closed],
    ["UnknownError", "unavailable", STORAGE_MESSAGES.broken],
  ])("maps a DOMException named %s to %s", (name, code, message) => {
    const cause = new DOMException("browser text", name);
    const error = toStorageError(cause, "save the draft");
    expect(error).toMatchObject({ name: "StorageError", code, message, cause });
  });

  it("says which action failed for an unexpected error", () => {
    const error = toStorageError(new DOMException("Transaction aborted", "AbortError"), "save the run");
    expect(error.code).toBe("unknown");
    expect(error.message).toBe("Could not save the run: Transaction aborted. Please try again.");
  });

  it("reports a value the browser cannot store as an invalid record", () => {
    expect(toStorageError(new DOMException("x", "DataCloneError"), "save the run").code).toBe("invalid-record");
  });

  it("passes a StorageError through unchanged", () => {
    const original = new StorageError("blocked", STORAGE_MESSAGES.blocked);
    expect(toStorageError(original, "open")).toBe(original);
  });

  it("copes with thrown values that are not errors", () => {
    expect(toStorageError("boom", "read the runs").message).toBe("Could not read the runs: boom. Please try again.");
  });
});
