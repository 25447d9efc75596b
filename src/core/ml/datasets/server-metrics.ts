/**
 * Lesson 10's anomaly-detection data: a seeded, synthetic look-alike of
 * "latency and throughput of servers in a data centre" (the shape of a classic
 * course exercise; none of its data is copied). The shipped file
 * `public/datasets/server-metrics-v1.csv` is `serverMetricsCsv(generateServerMetrics())`.
 *
 * DO NOT CHANGE THIS GENERATOR FOR VERSION 1: the shipped file's checksum, the
 * registry entry and lesson 10's check values depend on its exact output.
 */
import { createRng, type Rng } from "../prng";

/** Rows per part: the first 300 rows are the training part, the next 300 the validation part. */
export const SERVER_METRICS_PART_ROWS = 300;
/** Column names in file order; the last column (the label) is the target. */
export const SERVER_METRICS_COLUMNS = ["latency_ms", "throughput_mbps", "validation", "anomaly"] as const;

const CENTRE = [14, 15] as const;
const SPREAD = [1.2, 1.4] as const;

function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/** A normal server, or (anomaly) one whose standardised distance from the centre is uniform in [2.5, 7). */
function server(rng: Rng, anomaly: boolean): [number, number] {
  if (!anomaly) return [rng.normal(CENTRE[0], SPREAD[0]), rng.normal(CENTRE[1], SPREAD[1])];
  const r = rng.uniform(2.5, 7);
  const angle = rng.uniform(0, 2 * Math.PI);
  return [CENTRE[0] + SPREAD[0] * r * Math.cos(angle), CENTRE[1] + SPREAD[1] * r * Math.sin(angle)];
}

/**
 * Generates 600 rows `[latency_ms, throughput_mbps, validation, anomaly]`:
 * 300 training rows (validation = 0) then 300 validation rows (validation = 1).
 * Each server is an anomaly with probability 0.03 (anomaly = 1), else normal with
 * latency ~ N(14, 1.2^2) ms and throughput ~ N(15, 1.4^2) Mb/s. Anomalies lie 2.5 to 7
 * standard deviations from the centre in a uniform direction, so the faint ones overlap
 * the normal servers' tails. Values rounded to 4 decimals.
 */
export function generateServerMetrics(seed = 1010): number[][] {
  const rng = createRng(seed);
  const rows: number[][] = [];
  for (let part = 0; part < 2; part++) {
    for (let i = 0; i < SERVER_METRICS_PART_ROWS; i++) {
      const anomaly = rng.next() < 0.03;
      const [latency, throughput] = server(rng, anomaly);
      rows.push([round4(latency), round4(throughput), part, anomaly ? 1 : 0]);
    }
  }
  return rows;
}

/** The shipped CSV: a header, measurements with 4 decimals, the two flags as integers, LF line ends, a final newline. */
export function serverMetricsCsv(rows: readonly (readonly number[])[]): string {
  const lines = rows.map(([a, b, v, y]) => `${a.toFixed(4)},${b.toFixed(4)},${v},${y}`);
  return [SERVER_METRICS_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
