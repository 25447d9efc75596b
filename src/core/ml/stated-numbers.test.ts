import { describe, expect, it } from "vitest";
import { asStated, parseStatedNumbers, roundLike, statedNumbers, values } from "./stated-numbers";

describe("parseStatedNumbers", () => {
  it("reads plain, signed, thousands-separated and percent figures in order", () => {
    const read = parseStatedNumbers(
      "rises from 0.432 to −0.442, costs \\$32.49 of \\$269{,}330 and 1,348 rows: 95.3\\% and 97%",
    );
    expect(values(read)).toEqual([0.432, -0.442, 32.49, 269330, 1348, 95.3, 97]);
    expect(read.map((n) => n.decimals)).toEqual([3, 3, 2, 0, 0, 1, 0]);
    expect(read.map((n) => n.percent)).toEqual([false, false, false, false, false, true, true]);
  });

  it("reads scientific forms as one number and a bare power of ten as that power", () => {
    const read = parseStatedNumbers("about $1.5 \\times 10^{-25}$, not $10^{-26}$, and 2e-7 or $10^9$");
    expect(read.map((n) => [n.value, n.exponent, n.decimals])).toEqual([
      [1.5 * 10 ** -25, -25, 1],
      [10 ** -26, -26, 0],
      [2 * 10 ** -7, -7, 0],
      [10 ** 9, 9, 0],
    ]);
  });

  it("skips indices, exponents, subscripts and version tags, and reads a range as two positive numbers", () => {
    expect(
      values(parseStatedNumbers("$x^8$, $\\Theta^{(2)}$ and $x^{10}$ of $\\theta_1$, $L_{in}$, dam-outflow@2, 90-94%")),
    ).toEqual([90, 94]);
  });
});

describe("statedNumbers", () => {
  const text = "Intro 1 2.\n\nWith lambda = 0 the error rises from 0.822 to 0.930\nheld out.\n\nNext 5.";
  it("reads the numbers after a unique marker, within its paragraph", () => {
    expect(values(statedNumbers(text, "lambda = 0", 2))).toEqual([0.822, 0.93]);
  });
  it("throws on a missing or repeated marker and on too few numbers", () => {
    expect(() => statedNumbers(text, "nowhere", 1)).toThrow(/not found/);
    expect(() => statedNumbers("a x b x", "x", 1)).toThrow(/more than once/);
    expect(() => statedNumbers(text, "lambda = 0", 3)).toThrow(/states 2 numbers/);
  });
});

describe("roundLike", () => {
  it("rounds to the stated decimals, mantissa digits or percent", () => {
    const [gap, share, tiny] = parseStatedNumbers("\\$33, 95.3%, $1.5 \\times 10^{-25}$");
    expect(roundLike(32.49, gap)).toBe(32);
    expect(roundLike(0.95323, share)).toBe(95.3);
    expect(roundLike(1.46e-25, tiny)).toBe(tiny.value);
    expect(asStated([33.2, 0.9534, 1.54e-25], [gap, share, tiny])).toEqual([33, 95.3, tiny.value]);
  });
});
