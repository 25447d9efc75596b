/**
 * The Benchmarks page's sweep, as data: which workloads at which sizes on
 * which backends, the measured points, the fastest implementation and Auto's
 * choice at each size, and CSV export. Pure (timing is done by the kernel).
 */
import { chooseAutoBackend, type Calibration } from "../backends/auto-choice";
import type { BackendName } from "../backends/backend-choice";

/** The operations the lessons use: n x n matMul, and one batch gradient-descent step on an m x n design matrix. */
export const BENCH_WORKLOADS = ["matmul", "gd-step"] as const;
export type BenchWorkload = (typeof BENCH_WORKLOADS)[number];

/** Columns of the gradient-descent workload's design matrix (the lessons' 10000 x 20 loop uses 20). */
export const GD_COLS = 20;

/** Who computed a point: a tfjs backend, or the app's plain-JavaScript float64 loops. */
export type BenchImplementation = BackendName | "js";

/** One measured point: milliseconds per operation at `size` (n for matMul, rows m for a GD step of `cols` columns). */
export interface SweepPoint {
  workload: BenchWorkload;
  implementation: BenchImplementation;
  size: number;
  cols: number;
  msPerOp: number;
  gflops: number;
  repeats: number;
}

/**
 * Integers from `min` to `max` (inclusive), `perDecade` per factor of ten,
 * evenly spaced on a log scale, rounded and deduplicated. E.g.
 * logSizes(100, 10000, 1) = [100, 1000, 10000].
 */
export function logSizes(min: number, max: number, perDecade: number): number[] {
  if (!(min > 0) || max < min || !(perDecade > 0)) return [];
  const steps = Math.round(Math.log10(max / min) * perDecade);
  const sizes = Array.from({ length: steps + 1 }, (_, i) => Math.round(min * 10 ** (i / perDecade)));
  return [...new Set(sizes.map((s) => Math.min(s, max)))];
}

/** Sizes per workload. "quick" keeps a sweep to seconds per backend (used by the e2e test); "full" is capped so a software WebGPU adapter still finishes. */
export const SWEEP_SIZES: Record<"quick" | "full", Record<BenchWorkload, number[]>> = {
  quick: { matmul: [32, 64, 128], "gd-step": logSizes(100, 10_000, 1) },
  full: { matmul: [32, 64, 128, 256, 512], "gd-step": logSizes(100, 100_000, 1) },
};

/** One kernel request of the sweep: a workload's sizes on one backend, and whether it also times plain JavaScript. */
export interface SweepJob {
  backend: BackendName;
  workload: BenchWorkload;
  sizes: number[];
  withJs: boolean;
}

/** Every job of a sweep, backend by backend; plain JavaScript is timed once per workload, in the first backend's job. */
export function planSweep(backends: readonly BackendName[], scale: "quick" | "full"): SweepJob[] {
  return backends.flatMap((backend, b) =>
    BENCH_WORKLOADS.map((workload) => ({ backend, workload, sizes: SWEEP_SIZES[scale][workload], withJs: b === 0 })),
  );
}

/** Where Auto's choice came from: its estimator on this device's calibration, or the measured fastest tfjs backend. */
export type AutoSource = "calibration" | "measured";

/** One size of one workload: each implementation's time, the fastest, and Auto's choice. */
export interface SizeSummary {
  workload: BenchWorkload;
  size: number;
  cols: number;
  /** Milliseconds per operation by implementation. */
  ms: Partial<Record<BenchImplementation, number>>;
  winner: BenchImplementation;
  auto: BackendName | null;
  autoSource: AutoSource;
}

function fastest<T extends BenchImplementation>(ms: Partial<Record<T, number>>): T | null {
  const entries = Object.entries(ms) as [T, number][];
  if (entries.length === 0) return null;
  return entries.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
}

/**
 * Summarises points per (workload, size), in size order. Auto: for a GD step
 * with a calibration, `chooseAutoBackend` for one step of size x cols;
 * otherwise (no calibration, or matMul, which Auto's cost model does not
 * describe) the fastest measured tfjs backend. Pure.
 */
export function summariseSweep(points: readonly SweepPoint[], calibration?: Calibration): SizeSummary[] {
  const groups = new Map<string, SweepPoint[]>();
  for (const p of points) {
    const key = `${p.workload}|${p.size}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const summaries = [...groups.values()].map((group): SizeSummary => {
    const { workload, size, cols } = group[0];
    const ms: Partial<Record<BenchImplementation, number>> = {};
    group.forEach((p) => (ms[p.implementation] = p.msPerOp));
    const tfjs = Object.fromEntries(Object.entries(ms).filter(([k]) => k !== "js")) as Partial<
      Record<BackendName, number>
    >;
    if (workload === "gd-step" && calibration) {
      const auto = chooseAutoBackend(calibration, { rows: size, cols, steps: 1 }).backend;
      return { workload, size, cols, ms, winner: fastest(ms)!, auto, autoSource: "calibration" };
    }
    return { workload, size, cols, ms, winner: fastest(ms)!, auto: fastest(tfjs), autoSource: "measured" };
  });
  return summaries.sort((a, b) => a.workload.localeCompare(b.workload) || a.size - b.size);
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The points as CSV (header row first), one line per point, with the fastest and Auto's choice at its size. */
export function sweepToCsv(points: readonly SweepPoint[], summaries: readonly SizeSummary[]): string {
  const header = ["workload", "implementation", "size", "cols", "msPerOp", "gflops", "repeats", "fastest", "auto"];
  const at = (p: SweepPoint) => summaries.find((s) => s.workload === p.workload && s.size === p.size);
  const lines = points.map((p) =>
    [
      p.workload,
      p.implementation,
      p.size,
      p.cols,
      p.msPerOp,
      p.gflops,
      p.repeats,
      at(p)?.winner ?? "",
      at(p)?.auto ?? "",
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\n") + "\n";
}
