/**
 * The app's one seeded pseudo-random number generator. Everything random
 * (datasets, splits, initial parameters, the learner's `rng(seed)`) comes
 * from here, so a seed fully determines a run.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's "small fast counting" generator,
 * from PractRand), its 128-bit state filled by splitmix32 (golden-ratio
 * counter + the murmur3 32-bit finaliser) from the 32-bit seed, then 12
 * outputs discarded to mix the state. Pure 32-bit integer arithmetic, so
 * `next()` gives the same sequence in every JavaScript engine.
 *
 * DO NOT CHANGE THE ALGORITHM OR ITS SEEDING: shipped datasets, stored runs
 * and lesson check values depend on these exact sequences (prng.test.ts pins
 * the first values).
 */

/** A seeded random source. Each method advances the generator's internal state. */
export interface Rng {
  /** Uniform float in [0, 1), with 32 random bits. Advances the state by one step. */
  next(): number;
  /** Uniform float in [lo, hi) (up to floating-point rounding). One step. */
  uniform(lo: number, hi: number): number;
  /**
   * Normally distributed float with the given mean and standard deviation,
   * by the Box-Muller transform. Always takes exactly two steps (the second
   * Box-Muller value is discarded, so no hidden cached state).
   */
  normal(mean?: number, sd?: number): number;
  /** Uniform integer in [0, n) for a positive integer n <= 2^32. One step. */
  int(n: number): number;
  /**
   * Returns a new array with the items in a uniformly random order
   * (Fisher-Yates, from the last position down). Does not mutate `items`.
   * Takes `items.length - 1` steps.
   */
  shuffle<T>(items: readonly T[]): T[];
}

const TWO_POW_32 = 4294967296;

/** splitmix32: a counter-based 32-bit mixer, used only to expand a seed into sfc32 state. */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 step function over a 4 x 32-bit state; returns an unsigned 32-bit integer. */
function sfc32(seed: number): () => number {
  const mix = splitmix32(seed);
  let a = mix() | 0;
  let b = mix() | 0;
  let c = mix() | 0;
  let d = mix() | 0;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) step();
  return step;
}

/**
 * Creates a generator from a seed. `seed` must be a safe integer; it is
 * reduced to an unsigned 32-bit integer (`seed >>> 0`), so seeds that differ
 * by a multiple of 2^32 give the same sequence. Throws a RangeError otherwise.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  }
  const step = sfc32(seed >>> 0);
  const next = (): number => step() / TWO_POW_32;

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`int(n) needs an integer n in [1, 2^32], got ${String(n)}`);
    }
    return Math.floor(next() * n);
  };

  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: (mean = 0, sd = 1) => {
      const u1 = 1 - next(); // in (0, 1], so the log is finite
      const u2 = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    int,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
      return out;
    },
  };
}

/**
 * A uniformly random permutation of the indices 0..n-1 from a fresh
 * generator seeded with `seed` (same as `createRng(seed).shuffle([0..n-1])`).
 * Returns a new array of length n; n must be a non-negative integer.
 */
export function seededPermutation(n: number, seed: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
  return createRng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
}
