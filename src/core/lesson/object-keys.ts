/** Warnings for keys an instructor wrote that the format does not know (usually typos). */
import { pushWarning } from "./diagnostics";
import { formatPath } from "./zod-messages";
import type { Diagnostic } from "./types";

/** True for a plain mapping (not null, not a list). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Appends a warning for each key of `obj` not in `known`. `path` is where `obj`
 * sits (for the message and `lineOf`); `what` names the block. Does nothing for non-objects.
 */
export function warnUnknownKeys(
  obj: unknown,
  known: readonly string[],
  path: readonly PropertyKey[],
  lineOf: (path: readonly PropertyKey[]) => number,
  what: string,
  diags: Diagnostic[],
): void {
  if (!isPlainObject(obj)) return;
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    const name = formatPath([...path, key]);
    pushWarning(
      diags,
      lineOf([...path, key]),
      `${what}: unknown field '${name}' is ignored (known: ${known.join(", ")})`,
    );
  }
}
