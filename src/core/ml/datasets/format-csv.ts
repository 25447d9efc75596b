/** Formatting shared by the generated datasets (kmeans-blobs, pca-3d, svm-outlier, svm-nonlinear). */

/** Rounds to 4 decimals, turning -0 into 0 so the CSV never shows "-0.0000". */
export function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/**
 * A CSV text: the header, then one line per row with every value written
 * with `decimals[j]` decimals (4 when not given), LF line ends and a final
 * newline. Does not mutate `rows`.
 */
export function formatCsv(
  columns: readonly string[],
  rows: readonly (readonly number[])[],
  decimals: readonly number[] = [],
): string {
  const lines = rows.map((row) => row.map((x, j) => x.toFixed(decimals[j] ?? 4)).join(","));
  return [columns.join(","), ...lines].join("\n") + "\n";
}
