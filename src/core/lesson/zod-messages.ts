/**
 * Turns zod validation issues into diagnostics an instructor can act on:
 * each names the field (`split.test`), says what was expected and what was found.
 */
import type { z } from "zod";
import { describeValue, pushError } from "./diagnostics";
import type { Diagnostic } from "./types";

type Issue = z.core.$ZodIssue;

const EXPECTED_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
  array: "a list",
};

/**
 * Appends one error per zod issue to `diags`. `input` is the validated value
 * (used to quote what was found), `lineOf` maps a key path to a file line and
 * `what` names the block, e.g. "front matter" or "experiment 'gd'".
 */
export function reportZodIssues(
  issues: readonly Issue[],
  input: unknown,
  lineOf: (path: readonly PropertyKey[]) => number,
  what: string,
  diags: Diagnostic[],
): void {
  for (const issue of issues) {
    const path = issue.path;
    pushError(diags, lineOf(path), `${what}: ${issueMessage(issue, valueAt(input, path))}`);
  }
}

/** Formats a key path for messages: `["split", "test"]` -> `split.test`, `["datasets", 1]` -> `datasets[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function issueMessage(issue: Issue, found: unknown): string {
  const field = `'${formatPath(issue.path)}'`;
  switch (issue.code) {
    case "invalid_type":
      if (found === undefined) return `missing required field ${field}`;
      return `${field} must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected} (found ${describeValue(found)})`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return `${field} must not be empty`;
      return `${field} must be ${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)} (found ${describeValue(found)})`;
    case "too_big":
      return `${field} must be ${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)} (found ${describeValue(found)})`;
    case "invalid_value":
      return `${field} must be one of ${issue.values.map((v) => String(v)).join(", ")} (found ${describeValue(found)})`;
    case "unrecognized_keys":
      return `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
    default:
      return `${field} ${lowerFirst(issue.message)}${found === undefined ? "" : ` (found ${describeValue(found)})`}`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
