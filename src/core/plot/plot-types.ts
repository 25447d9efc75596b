/**
 * Plots as data: learner code (through `plot` in the lesson module) and
 * experiment tasks describe a plot; the UI draws it. Coordinates are plain
 * numbers in the data's own units.
 */

export interface Point {
  x: number;
  y: number;
}

export interface PointSeries {
  name: string;
  points: Point[];
}

/** Curves over a shared x axis, e.g. cost by iteration or learning curves. */
export interface LinesPlot {
  kind: "lines";
  title: string;
  xLabel?: string;
  yLabel?: string;
  /** Log scale on y (for costs spanning orders of magnitude). */
  logY?: boolean;
  series: PointSeries[];
}

/** Points by group (e.g. class), with optional lines drawn over them (fits, boundaries, paths). */
export interface ScatterPlot {
  kind: "scatter";
  title: string;
  xLabel?: string;
  yLabel?: string;
  series: PointSeries[];
  lines?: PointSeries[];
}

/**
 * A function sampled on a grid, drawn as coloured cells (decision regions,
 * cost surfaces, densities): values[j][i] is the value at (xs[i], ys[j]).
 * Points and lines can be drawn over it.
 */
export interface HeatmapPlot {
  kind: "heatmap";
  title: string;
  xLabel?: string;
  yLabel?: string;
  xs: number[];
  ys: number[];
  values: number[][];
  points?: PointSeries[];
  lines?: PointSeries[];
  /**
   * Categorical heatmap (class regions): names of the classes; each value is
   * then a class index in [0, classes.length), drawn in that class's colour
   * with a discrete legend instead of a colour scale.
   */
  classes?: string[];
}

/** An RGB image, values in [0, 1], row-major, 3 numbers per pixel. */
export interface ImagePlot {
  kind: "image";
  title: string;
  width: number;
  height: number;
  rgb: number[];
}

export type PlotSpec = LinesPlot | ScatterPlot | HeatmapPlot | ImagePlot;

/** Points, pixels and grid cells kept per plot, so a plot cannot flood the page. */
export const PLOT_LIMITS = { points: 20_000, gridCells: 40_000, pixels: 250_000 } as const;

/** Why a plot spec is unusable, or null when it is fine. Pure. */
export function plotProblem(plot: PlotSpec): string | null {
  const countPoints = (series: PointSeries[] = []) => series.reduce((n, s) => n + s.points.length, 0);
  switch (plot.kind) {
    case "lines":
    case "scatter": {
      const n = countPoints(plot.series) + countPoints(plot.kind === "scatter" ? plot.lines : []);
      return n > PLOT_LIMITS.points ? `too many points (${n} > ${PLOT_LIMITS.points})` : null;
    }
    case "heatmap": {
      if (plot.values.length !== plot.ys.length || plot.values.some((row) => row.length !== plot.xs.length)) {
        return "values must have ys.length rows of xs.length numbers";
      }
      if (
        plot.classes &&
        plot.values.some((row) => row.some((v) => !Number.isInteger(v) || v < 0 || v >= plot.classes!.length))
      )
        return `with classes, every value must be a class index from 0 to ${plot.classes.length - 1}`;
      const cells = plot.xs.length * plot.ys.length;
      return cells > PLOT_LIMITS.gridCells ? `grid too large (${cells} cells > ${PLOT_LIMITS.gridCells})` : null;
    }
    case "image":
      if (plot.rgb.length !== plot.width * plot.height * 3) return "rgb must hold width * height * 3 numbers";
      return plot.width * plot.height > PLOT_LIMITS.pixels ? "image too large" : null;
    default:
      return "unknown plot kind";
  }
}
