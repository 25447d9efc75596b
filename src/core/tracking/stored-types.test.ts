import { describe, expect, expectTypeOf, it } from "vitest";
import { BACKEND_CHOICES, KERNEL_HOSTS, type BackendReport } from "../backends/backend-choice";
import type { ImplementationResult } from "../experiments/result-types";
import type { RunProfile } from "../experiments/run-profile";
import type { CheckVerdict } from "../grading/types";
import { STORED_BACKEND_CHOICES, STORED_BACKEND_NAMES, STORED_KERNEL_HOSTS } from "./types";
import type { StoredBackendReport, StoredCheckVerdict, StoredImplementationResult, StoredRunProfile } from "./types";

// A failure here means a domain type changed shape: change the stored type on purpose,
// with a new schema version and a migration (src/core/tracking/migrations.ts), or undo the change.
describe("stored record shapes", () => {
  it("match the domain types they store (checked by tsc)", () => {
    expectTypeOf<StoredBackendReport>().toEqualTypeOf<BackendReport>();
    expectTypeOf<StoredImplementationResult>().toEqualTypeOf<ImplementationResult>();
    expectTypeOf<StoredCheckVerdict>().toEqualTypeOf<CheckVerdict>();
    expectTypeOf<StoredRunProfile>().toEqualTypeOf<RunProfile>();
  });

  it("name the same backends as core/backends", () => {
    expect([...STORED_BACKEND_CHOICES]).toEqual([...BACKEND_CHOICES]);
    expect([...STORED_BACKEND_NAMES]).toEqual(BACKEND_CHOICES.filter((choice) => choice !== "auto"));
    expect([...STORED_KERNEL_HOSTS]).toEqual([...KERNEL_HOSTS]);
  });
});
