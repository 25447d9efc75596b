/**
 * Reads the figures a lesson's prose states, so that a value test can check
 * the number written in the lesson itself rather than a copy of it: find a
 * marker phrase, read the numbers that follow it in the same paragraph, and
 * compare each with a recomputed value rounded the way the prose rounds it.
 *
 * Pure; no I/O. Understands the ways lessons write numbers in Markdown and
 * KaTeX: `1,348` and `269{,}330` (thousands), `−0.5` and `-0.5`, `95.3\%`,
 * `1.5 \times 10^{-25}`, `10^{-26}` and `2e-7`.
 */

/** One number as written in prose. */
export interface StatedNumber {
  /** The value as written (a percentage stays a percentage: `95.3%` is 95.3). */
  value: number;
  /** The characters it was read from, e.g. `1.5 \times 10^{-25}`. */
  text: string;
  /** Digits after the decimal point of the written number (or of its mantissa). */
  decimals: number;
  /** Power of ten of the scientific form (`1.5 \times 10^{-25}` has -25), 0 otherwise. */
  exponent: number;
  /** Followed by a percent sign. */
  percent: boolean;
}

// sign, integer part (plain or with , / {,} thousands), fraction, then an optional power of ten.
const NUMBER =
  /(?<![\p{L}\d_^.@])(?<![\^_]\{\(?[-−]?)([-−]?)(\d{1,3}(?:(?:,|\{,\})\d{3})+(?!\d)|\d+)(?:\.(\d+))?(?:\s*(?:\\times|\\cdot|×)\s*10\^\{?([-−]?\d+)\}?|e([-−]?\d+)(?![\p{L}\d]))?(\s*\\?%)?/gu;
const POWER_OF_TEN = /(?<![\p{L}\d_^.@])(?<![\^_]\{\(?[-−]?)10\^\{?([-−]?\d+)\}?/gu;

const toNumber = (digits: string) => Number(digits.replace(/−/g, "-").replace(/\{,\}|,/g, ""));

/** Every number in `text`, in order of appearance. A bare `10^{k}` is read as 1e{k}, not as 10. */
export function parseStatedNumbers(text: string): StatedNumber[] {
  const found: (StatedNumber & { index: number })[] = [];
  const powers = new Set<number>();
  for (const m of text.matchAll(POWER_OF_TEN)) {
    // "1.5 \times 10^{-25}" is one number with a mantissa; only a bare power stands alone.
    if (/(\\times|\\cdot|×)\s*$/.test(text.slice(0, m.index))) continue;
    const exponent = toNumber(m[1]);
    powers.add(m.index);
    found.push({ index: m.index, value: 10 ** exponent, text: m[0], decimals: 0, exponent, percent: false });
  }
  for (const m of text.matchAll(NUMBER)) {
    if (powers.has(m.index)) continue;
    const [whole, sign, integer, fraction = "", power, eNotation, percent] = m;
    const exponent = toNumber(power ?? eNotation ?? "0");
    const mantissa = toNumber(`${sign}${integer}${fraction ? `.${fraction}` : ""}`);
    found.push({
      index: m.index,
      value: exponent === 0 ? mantissa : mantissa * 10 ** exponent,
      text: whole.trim(),
      decimals: fraction.length,
      exponent,
      percent: percent !== undefined,
    });
  }
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, ...n }) => n);
}

/**
 * The first `count` numbers after the one occurrence of `marker` in
 * `lessonText`, read up to the end of that paragraph (a blank line). Throws
 * when the marker is missing or ambiguous, or the paragraph has fewer numbers.
 */
export function statedNumbers(lessonText: string, marker: string, count: number): StatedNumber[] {
  const at = lessonText.indexOf(marker);
  if (at < 0) throw new Error(`marker not found in the lesson: ${JSON.stringify(marker)}`);
  if (lessonText.indexOf(marker, at + 1) >= 0)
    throw new Error(`marker occurs more than once: ${JSON.stringify(marker)}`);
  const start = at + marker.length;
  const end = lessonText.slice(start).search(/\n\s*\n/);
  const paragraph = lessonText.slice(start, end < 0 ? undefined : start + end);
  const numbers = parseStatedNumbers(paragraph);
  if (numbers.length < count)
    throw new Error(
      `after ${JSON.stringify(marker)} the paragraph states ${numbers.length} numbers, expected ${count}`,
    );
  return numbers.slice(0, count);
}

/**
 * `actual` rounded the way `stated` is written: to its decimals (of the
 * mantissa for scientific notation), times 100 first for a percentage.
 * `roundLike(x, s) === s.value` says the prose states x correctly.
 */
export function roundLike(actual: number, stated: StatedNumber): number {
  const scaled = stated.percent ? actual * 100 : actual;
  if (stated.exponent !== 0) {
    const mantissa = Number((scaled / 10 ** stated.exponent).toFixed(stated.decimals));
    return mantissa * 10 ** stated.exponent;
  }
  return Number(scaled.toFixed(stated.decimals));
}

/** The stated values, for comparing a whole list at once: `expect(asStated(actuals, s)).toEqual(values(s))`. */
export function values(stated: readonly StatedNumber[]): number[] {
  return stated.map((s) => s.value);
}

/** Each actual rounded like the stated number at the same position (see `roundLike`). */
export function asStated(actuals: readonly number[], stated: readonly StatedNumber[]): number[] {
  if (actuals.length !== stated.length) throw new Error(`${actuals.length} values for ${stated.length} stated numbers`);
  return actuals.map((a, i) => roundLike(a, stated[i]));
}
