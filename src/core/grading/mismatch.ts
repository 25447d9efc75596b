/**
 * Sentences for results that are not a wrong number but a wrong kind of
 * thing: `undefined` (a missing `return`), `NaN`, or an array of the wrong
 * shape. A learner reads these instead of a numeric difference. Pure.
 */

/** The dimensions of a (nested) array by its first elements, e.g. [97, 2]; [] for a non-array. */
export function shapeOf(value: unknown): number[] {
  const dims: number[] = [];
  let cur: unknown = value;
  while (Array.isArray(cur) || ArrayBuffer.isView(cur)) {
    const items = Array.from(cur as ArrayLike<unknown>);
    dims.push(items.length);
    if (items.length === 0) break;
    cur = items[0];
  }
  return dims;
}

function formatShape(dims: readonly number[]): string {
  if (dims.length === 0) return "a single value";
  if (dims.length === 1) return `an array of ${dims[0]}`;
  return `a ${dims.join(" × ")} array`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return formatShape(shapeOf(value));
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** The path of the first NaN in a (nested) array, e.g. `value[3][1]`, or null. */
function firstNaN(value: unknown, path = "value"): string | null {
  if (typeof value === "number") return Number.isNaN(value) ? path : null;
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const items = Array.from(value as ArrayLike<unknown>);
  for (let i = 0; i < items.length; i++) {
    const found = firstNaN(items[i], `${path}[${i}]`);
    if (found) return found;
  }
  return null;
}

const NAN_CAUSES = "e.g. 0/0, log of 0 or a negative number, or arithmetic on undefined such as an index past the end";

/**
 * A sentence saying what kind of wrong `got` is, or undefined when it is the
 * right kind and shape (then a numeric difference is the useful message). It
 * never states an expected value, only an expected shape, so hidden checks may use it.
 */
export function mismatchSentence(got: unknown, expected: unknown): string | undefined {
  const wantsNumbers = typeof expected === "number" || Array.isArray(expected);
  if (!wantsNumbers) return got === undefined && expected !== undefined ? undefinedSentence() : undefined;
  if (got === undefined) return undefinedSentence();
  if (typeof got === "number" && Number.isNaN(got))
    return `The result is NaN: a computation went wrong (${NAN_CAUSES}).`;
  const want = shapeOf(expected);
  const have = typeof got === "number" ? [] : shapeOf(got);
  const gotIsArray = Array.isArray(got) || ArrayBuffer.isView(got);
  if (typeof got !== "number" && !gotIsArray) {
    return `The result is ${kindOf(got)}, but ${formatShape(want)} of numbers is expected.`;
  }
  if (want.length !== have.length || want.some((n, i) => n !== have[i])) {
    return `The result has the wrong shape: ${formatShape(have)}, but ${formatShape(want)} is expected.`;
  }
  const nan = firstNaN(got);
  if (nan) return `${nan} is NaN: a computation went wrong (${NAN_CAUSES}).`;
  return undefined;
}

function undefinedSentence(): string {
  return "The result is undefined: does your function `return` its value (and is it exported)?";
}

/** What a failed hidden check may say: a shape sentence, or that the value is off, never by how much. */
export function hiddenFailureMessage(got: unknown, expected: unknown): string {
  return (
    mismatchSentence(got, expected) ??
    "The value is not the expected one (a hidden check does not show its expected value or the difference)."
  );
}
