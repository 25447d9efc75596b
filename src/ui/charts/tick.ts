/** An axis tick label: 3 significant digits, or exponent notation for very large or very small values. */
export const tick = (value: number) =>
  Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-2)
    ? value.toExponential(1)
    : String(Number(value.toPrecision(3)));
