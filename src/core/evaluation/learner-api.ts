/**
 * The `lesson` module learner code imports: seeded data, a seeded PRNG and tiny
 * linear-algebra helpers on plain arrays. `LEARNER_API_DTS` is its type
 * declaration, loaded into the editor for completion and type errors; keep the
 * two in step.
 */
import { addOnes, dot, matVec, mean, solve, sum, transpose, zeros } from "../ml/linalg";
import { createRng } from "../ml/prng";
import type { LoadedDataset } from "../ml/dataset-types";
import { plotProblem, type PlotSpec } from "../plot/plot-types";

/** Receives each plot learner code draws. */
export type PlotSink = (plot: PlotSpec) => void;

type Without<T> = T extends unknown ? Omit<T, "kind"> : never;

export interface LearnerDataset {
  columns: string[];
  rows: number[][];
  /** Every column but the last, one array per row. */
  X: number[][];
  /** The last column. */
  y: number[];
}

/** Builds the `lesson` module over the datasets this run received. Each call returns fresh copies. */
export function createLearnerApi(datasets: readonly LoadedDataset[], onPlot: PlotSink = () => undefined) {
  const dataset = (ref: string): LearnerDataset => {
    const found = datasets.find((d) => `${d.id}@${d.version}` === ref);
    if (!found) {
      const known = datasets.map((d) => `${d.id}@${d.version}`).join(", ") || "none";
      throw new Error(`Unknown dataset "${ref}" (this lesson declares: ${known})`);
    }
    const rows = found.rows.map((row) => row.slice());
    return {
      columns: found.columns.slice(),
      rows,
      X: rows.map((row) => row.slice(0, -1)),
      y: rows.map((row) => row[row.length - 1]),
    };
  };
  const rng = (seed: number) => {
    const generator = createRng(seed);
    return {
      next: () => generator.next(),
      normal: (mu = 0, sd = 1) => generator.normal(mu, sd),
      int: (n: number) => generator.int(n),
      shuffle: <T>(items: readonly T[]) => generator.shuffle(items),
    };
  };
  const la = { zeros, dot, matVec, transpose, addOnes, sum, mean, solve };
  const draw = (kind: PlotSpec["kind"]) => (spec: Without<PlotSpec>) => {
    const plot = JSON.parse(JSON.stringify({ ...spec, kind })) as PlotSpec;
    const problem = plotProblem(plot);
    if (problem) throw new Error(`plot.${kind}: ${problem}`);
    onPlot(plot);
  };
  const plot = { lines: draw("lines"), scatter: draw("scatter"), heatmap: draw("heatmap"), image: draw("image") };
  return { dataset, rng, la, plot };
}

export type LearnerApi = ReturnType<typeof createLearnerApi>;

/** Type declarations of the `lesson` module, as the editor sees them. */
export const LEARNER_API_DTS = `declare module "lesson" {
  /** A dataset declared by the lesson, e.g. dataset("city-profits@1"). Returns fresh copies. */
  export function dataset(ref: string): {
    columns: string[];
    rows: number[][];
    /** Every column but the last (the features), one array per row. */
    X: number[][];
    /** The last column (the target). */
    y: number[];
  };
  /** A seeded random number generator: same seed, same numbers. */
  export function rng(seed: number): {
    /** Uniform in [0, 1). */
    next(): number;
    /** Normally distributed (Box-Muller). */
    normal(mean?: number, sd?: number): number;
    /** Integer in [0, n). */
    int(n: number): number;
    /** A shuffled copy. */
    shuffle<T>(items: readonly T[]): T[];
  };
  /** Tiny linear-algebra helpers on plain arrays. None mutates its inputs. */
  export const la: {
    /** [0, 0, ..., 0] of length n. */
    zeros(n: number): number[];
    /** Sum of a[i] * b[i]. */
    dot(a: readonly number[], b: readonly number[]): number;
    /** A x: one dot product per row of A. */
    matVec(A: readonly (readonly number[])[], x: readonly number[]): number[];
    /** Rows become columns. */
    transpose(A: readonly (readonly number[])[]): number[][];
    /** Prepends a column of ones (the intercept term). */
    addOnes(X: readonly (readonly number[])[]): number[][];
    sum(a: readonly number[]): number;
    mean(a: readonly number[]): number;
    /** Solves the square system A x = b (Gaussian elimination with partial pivoting); throws if A is singular. */
    solve(A: readonly (readonly number[])[], b: readonly number[]): number[];
  };
  type Point = { x: number; y: number };
  type Series = { name: string; points: Point[] };
  /** Draws plots under the cell. */
  export const plot: {
    /** Curves, e.g. the cost by iteration. */
    lines(spec: { title: string; xLabel?: string; yLabel?: string; logY?: boolean; series: Series[] }): void;
    /** Points by group, with optional lines over them (a fit, a boundary, a path). */
    scatter(spec: { title: string; xLabel?: string; yLabel?: string; series: Series[]; lines?: Series[] }): void;
    /** values[j][i] at (xs[i], ys[j]) as coloured cells, with optional points and lines over them. With classes, values are class indices (class regions, discrete legend). */
    heatmap(spec: { title: string; xLabel?: string; yLabel?: string; xs: number[]; ys: number[]; values: number[][]; points?: Series[]; lines?: Series[]; classes?: string[] }): void;
    /** An RGB image: width * height * 3 numbers in [0, 1], row by row. */
    image(spec: { title: string; width: number; height: number; rgb: number[] }): void;
  };
}
`;
