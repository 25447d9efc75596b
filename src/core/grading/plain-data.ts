/**
 * Copies values that untrusted code produced into plain data before grading
 * code looks at them, so nothing learner-defined runs while a check compares:
 * no getters, no Proxy traps, no overridden methods (`every`, `map`, `valueOf`)
 * and no mutation after the copy. Each property is read exactly once, through
 * its descriptor, so a Proxy or getter cannot answer differently to two reads.
 */

/** Thrown when a value cannot be copied as plain data; the message is for the learner. */
export class NotPlainDataError extends Error {
  readonly code = "not-plain-data";
}

export interface PlainDataOptions {
  /** Wraps a function met inside the value (e.g. a returned closure); default: reject functions. */
  wrapFunction?: (fn: (...args: unknown[]) => unknown) => unknown;
  /** Most array items / object properties copied in total (default 20 million). */
  maxNodes?: number;
  /** Deepest nesting copied (default 64). */
  maxDepth?: number;
}

const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Int16Array,
  Int8Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;

/**
 * `%TypedArray%.prototype[Symbol.toStringTag]` reads the internal slot: it names
 * a real typed array's kind and is undefined for anything else (a Proxy, a
 * look-alike, an object whose prototype was swapped), whatever the value's own
 * `constructor` or `length` claim. Captured once, before learner code runs.
 */
const typedArrayKindOf = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype),
  Symbol.toStringTag,
)!.get as (this: unknown) => string | undefined;

/**
 * A deep copy of `value` made only of primitives, arrays, typed arrays and
 * plain objects (own enumerable string-keyed data properties; prototypes are
 * dropped). Throws NotPlainDataError for accessors, cycles, symbols-only
 * exotic values and (without `wrapFunction`) functions. Does not mutate `value`.
 */
export function toPlainData(value: unknown, options: PlainDataOptions = {}): unknown {
  const maxNodes = options.maxNodes ?? 20_000_000;
  const maxDepth = options.maxDepth ?? 64;
  let nodes = 0;
  const onPath = new Set<object>();

  const copy = (current: unknown, path: string, depth: number): unknown => {
    if (current === null || (typeof current !== "object" && typeof current !== "function")) return current;
    if (typeof current === "function") {
      if (options.wrapFunction) return options.wrapFunction(current as (...args: unknown[]) => unknown);
      throw new NotPlainDataError(`${path} is a function; only plain data can be checked`);
    }
    if (depth > maxDepth) throw new NotPlainDataError(`${path} is nested deeper than ${maxDepth} levels`);
    if (onPath.has(current)) throw new NotPlainDataError(`${path} refers to itself (a cycle)`);
    const typed = typedArrayCopy(current);
    if (typed) {
      nodes += typed.length;
      if (nodes > maxNodes) throw new NotPlainDataError(`${path} is too large to check`);
      return typed;
    }
    onPath.add(current);
    try {
      return Array.isArray(current) ? copyArray(current, path, depth) : copyObject(current, path, depth);
    } finally {
      onPath.delete(current);
    }
  };

  const dataOf = (owner: object, key: string, path: string): unknown => {
    const descriptor = Reflect.getOwnPropertyDescriptor(owner, key);
    if (!descriptor) return undefined;
    if (!("value" in descriptor)) throw new NotPlainDataError(`${path} is a getter; only plain data can be checked`);
    return descriptor.value;
  };

  const copyArray = (source: unknown[], path: string, depth: number): unknown[] => {
    const lengthDescriptor = Reflect.getOwnPropertyDescriptor(source, "length");
    const length = lengthDescriptor && "value" in lengthDescriptor ? Number(lengthDescriptor.value) : NaN;
    if (!Number.isSafeInteger(length) || length < 0) throw new NotPlainDataError(`${path} has no valid length`);
    nodes += length;
    if (nodes > maxNodes) throw new NotPlainDataError(`${path} is too large to check`);
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i++)
      out[i] = copy(dataOf(source, String(i), `${path}[${i}]`), `${path}[${i}]`, depth + 1);
    return out;
  };

  const copyObject = (source: object, path: string, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Reflect.ownKeys(source)) {
      if (typeof key !== "string") continue;
      const descriptor = Reflect.getOwnPropertyDescriptor(source, key);
      if (!descriptor || !descriptor.enumerable) continue;
      if (!("value" in descriptor))
        throw new NotPlainDataError(`${path}.${key} is a getter; only plain data can be checked`);
      nodes += 1;
      if (nodes > maxNodes) throw new NotPlainDataError(`${path} is too large to check`);
      Object.defineProperty(out, key, {
        value: copy(descriptor.value, `${path}.${key}`, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };

  return copy(value, "value", 0);
}

/** A fresh typed array with the same kind and contents, or null when `value` is not a typed array. */
function typedArrayCopy(value: object): ArrayLike<number> | null {
  const kind = typedArrayKindOf.call(value);
  if (kind === undefined || !Object.prototype.hasOwnProperty.call(TYPED_ARRAYS, kind)) return null;
  // The constructor copies from the source's internal slots: no learner-defined code runs.
  return new TYPED_ARRAYS[kind as keyof typeof TYPED_ARRAYS](value as ArrayLike<number>);
}
