import { describe, expect, it } from "vitest";
import { createRng, seededPermutation } from "./prng";

function take(seed: number, count: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.next());
}

describe("createRng", () => {
  it("gives the same sequence for the same seed", () => {
    expect(take(123, 50)).toEqual(take(123, 50));
  });

  it("gives different sequences for different seeds", () => {
    expect(take(1, 10)).not.toEqual(take(2, 10));
    expect(take(0, 10)).not.toEqual(take(1, 10));
  });

  it("still produces the pinned sfc32 + splitmix32 values (catches a change of algorithm)", () => {
    expect(take(2024, 4)).toEqual([0.7652199938893318, 0.7498473152518272, 0.22838668385520577, 0.9533237498253584]);
    expect(take(0, 3)).toEqual([0.9791452463250607, 0.8250711336731911, 0.2846157543826848]);
    const rng = createRng(1);
    expect(rng.normal()).toBe(0.2645986399613152);
    expect(rng.int(10)).toBe(6);
    expect(rng.uniform(-0.5, 0.5)).toBe(0.0241122804582119);
  });

  it("keeps next() in [0, 1) with mean about 1/2 and variance about 1/12", () => {
    const xs = take(7, 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it("draws normal values with the requested mean and standard deviation", () => {
    const rng = createRng(99);
    const xs = Array.from({ length: 20000 }, () => rng.normal(3, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  it("keeps uniform(lo, hi) inside [lo, hi)", () => {
    const rng = createRng(5);
    for (let i = 0; i < 1000; i++) {
      const x = rng.uniform(-0.5, 0.5);
      expect(x).toBeGreaterThanOrEqual(-0.5);
      expect(x).toBeLessThan(0.5);
    }
  });

  it("draws int(n) from every value in [0, n)", () => {
    const rng = createRng(11);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
      seen.add(k);
    }
    expect(seen.size).toBe(6);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
  });

  it("rejects seeds that are not safe integers", () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });

  it("shuffles into a new array without mutating the input", () => {
    const items = ["a", "b", "c", "d", "e", "f"] as const;
    const shuffled = createRng(3).shuffle(items);
    expect(items).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect([...shuffled].sort()).toEqual([...items]);
    expect(createRng(3).shuffle(items)).toEqual(shuffled);
  });
});

describe("seededPermutation", () => {
  it("is a permutation of 0..n-1 fixed by the seed", () => {
    const p = seededPermutation(10, 42);
    expect(p).toEqual([6, 7, 8, 3, 4, 9, 1, 0, 5, 2]);
    expect([...p].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seededPermutation(10, 43)).not.toEqual(p);
  });

  it("handles n = 0 and rejects negative n", () => {
    expect(seededPermutation(0, 1)).toEqual([]);
    expect(() => seededPermutation(-1, 1)).toThrow(RangeError);
  });
});
