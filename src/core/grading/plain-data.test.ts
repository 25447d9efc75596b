import { describe, expect, it } from "vitest";
import { NotPlainDataError, toPlainData } from "./plain-data";

describe("toPlainData", () => {
  it("copies numbers, strings, arrays, typed arrays and plain objects deeply", () => {
    const source = { a: [1, [2, 3]], b: "x", c: new Float64Array([0.5, 1.5]), d: null };
    const copy = toPlainData(source) as typeof source;
    expect(copy).toEqual(source);
    expect(copy.a).not.toBe(source.a);
    expect(copy.c).toBeInstanceOf(Float64Array);
    expect(copy.c).not.toBe(source.c);
  });

  it("drops own methods and prototypes, so an overridden `every` never reaches a check", () => {
    const history: unknown[] = [1, 2];
    Object.defineProperty(history, "every", { value: () => true, enumerable: true });
    const copy = toPlainData({ history }) as { history: unknown[] };
    expect(Object.prototype.hasOwnProperty.call(copy.history, "every")).toBe(false);
    expect(Object.getPrototypeOf(toPlainData(new (class Fancy {})()))).toBe(Object.prototype);
  });

  it("rejects getters instead of calling them", () => {
    let calls = 0;
    const value = {
      get x() {
        calls += 1;
        return 1;
      },
    };
    expect(() => toPlainData(value)).toThrow(NotPlainDataError);
    expect(calls).toBe(0);
  });

  it("reads a Proxy once per property, so it cannot answer two reads differently", () => {
    let reads = 0;
    const proxy = new Proxy([0, 0], {
      getOwnPropertyDescriptor(target, key) {
        reads += 1;
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
    expect(toPlainData(proxy)).toEqual([0, 0]);
    expect(reads).toBe(3);
  });

  it("treats a typed array look-alike as an object, not by what its constructor claims", () => {
    const fake = Object.setPrototypeOf({ length: 2, 0: 1, 1: 2 }, Float64Array.prototype);
    expect(toPlainData(fake)).not.toBeInstanceOf(Float64Array);
  });

  it("rejects cycles and functions unless asked to wrap them", () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => toPlainData(cyclic)).toThrow(/cycle/);
    expect(() => toPlainData({ f: () => 1 })).toThrow(/function/);
    const wrapped = toPlainData({ f: () => 1 }, { wrapFunction: () => "wrapped" });
    expect(wrapped).toEqual({ f: "wrapped" });
  });
});
