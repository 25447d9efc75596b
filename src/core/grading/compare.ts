/**
 * Comparison and display of check values: numbers and (nested) arrays of
 * numbers within an absolute tolerance, anything else by deep equality.
 */

/** Default absolute tolerance of `check(...)` when the instructor gives none. */
export const DEFAULT_TOLERANCE = 1e-6;

export interface Comparison {
  passed: boolean;
  /** Why it failed, in words a learner can act on; absent when passed. */
  message?: string;
}

/** Compares `got` with `expected`; numbers and number arrays within `tol` (absolute). Pure. */
export function compareValues(got: unknown, expected: unknown, tol: number, path = "value"): Comparison {
  if (typeof expected === "number") return compareNumber(got, expected, tol, path);
  if (Array.isArray(expected)) return compareArray(got, expected, tol, path);
  return deepEqual(got, expected)
    ? { passed: true }
    : { passed: false, message: `${path} is ${formatValue(got)}, expected ${formatValue(expected)}` };
}

function compareNumber(got: unknown, expected: number, tol: number, path: string): Comparison {
  if (typeof got !== "number")
    return { passed: false, message: `${path} should be a number, got ${describeType(got)}` };
  if (Number.isNaN(got)) return { passed: false, message: `${path} is NaN` };
  const diff = Math.abs(got - expected);
  if (diff <= tol) return { passed: true };
  return { passed: false, message: `${path} differs by ${formatNumber(diff)} (tolerance ${formatNumber(tol)})` };
}

function compareArray(got: unknown, expected: unknown[], tol: number, path: string): Comparison {
  if (!isArrayLike(got)) return { passed: false, message: `${path} should be an array, got ${describeType(got)}` };
  const items = Array.from(got as ArrayLike<unknown>);
  if (items.length !== expected.length) {
    return { passed: false, message: `${path} has length ${items.length}, expected ${expected.length}` };
  }
  for (let i = 0; i < expected.length; i++) {
    const result = compareValues(items[i], expected[i], tol, `${path}[${i}]`);
    if (!result.passed) return result;
  }
  return { passed: true };
}

function isArrayLike(value: unknown): boolean {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${formatValue(value)}`;
}

/** A number with at most 6 significant digits, e.g. `32.0727`, `1.2e-7`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e7)) return value.toExponential(3);
  return String(Number(value.toPrecision(6)));
}

/** A compact display string for any check value; long arrays are elided after 8 items. */
export function formatValue(value: unknown, depth = 0): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  if (isArrayLike(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    if (depth > 2) return `[${items.length} items]`;
    const shown = items.slice(0, 8).map((item) => formatValue(item, depth + 1));
    return `[${shown.join(", ")}${items.length > 8 ? `, … ${items.length - 8} more` : ""}]`;
  }
  if (typeof value === "function") return "a function";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
