/** Long point series drawn from an even sample, so that a plot never stalls the page. */
import type { PointSeries } from "../../core/plot/plot-types";

/**
 * Most points drawn per curve and per scatter series: recharts takes about
 * 0.1 ms a point, and a plot must not stall the page. A longer series is
 * drawn from an even sample of its points.
 */
export const MAX_CURVE_POINTS = 500;
export const MAX_SCATTER_POINTS = 1_000;

/** Every k-th point of a long series (first and last kept): the same shape at screen resolution. */
export function thin(points: PointSeries["points"], max = MAX_CURVE_POINTS): PointSeries["points"] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % step === 0);
  if (kept[kept.length - 1] !== points[points.length - 1]) kept.push(points[points.length - 1]);
  return kept;
}
