/**
 * Small helpers for building parser diagnostics. Parser stages append to a
 * shared `Diagnostic[]` (they mutate only that array) and return plain data.
 */
import type { Diagnostic } from "./types";

/** Appends an error at a 1-based file line to `diags`. */
export function pushError(diags: Diagnostic[], line: number, message: string): void {
  diags.push({ line, severity: "error", message });
}

/** Appends a warning at a 1-based file line to `diags`. */
export function pushWarning(diags: Diagnostic[], line: number, message: string): void {
  diags.push({ line, severity: "warning", message });
}

/** True when `diags` holds at least one error. */
export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Returns a copy of `diags` ordered by line (stable, so same-line order is kept). */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return diags
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.i - b.i)
    .map(({ d }) => d);
}

/** Describes a value briefly for messages, e.g. `string "abc"`, `number 3`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `string ${JSON.stringify(truncate(value, 40))}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
