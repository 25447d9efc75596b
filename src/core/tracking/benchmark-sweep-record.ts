/**
 * A finished Benchmarks-page sweep as stored in the "benchmarks" store and
 * exported as JSON: every measured point, the per-size summary (fastest,
 * Auto's choice) and the browser it ran in. Pure: types, schema, validation.
 */
import { z } from "zod";
import type { SizeSummary, SweepPoint } from "../ml/bench-sweep";
import type { RestoreResult } from "./migrations";
import { formatIssues, type ValidationResult } from "./schemas";

/** Schema version of `BenchmarkSweepRecord`. Bump it, and add a migration, when the shape changes. */
export const BENCHMARK_SWEEP_SCHEMA_VERSION = 1;

/** One saved sweep. */
export interface BenchmarkSweepRecord {
  schemaVersion: typeof BENCHMARK_SWEEP_SCHEMA_VERSION;
  id: string;
  /** ISO 8601. */
  createdAt: string;
  scale: "quick" | "full";
  /** Backends asked for, and problems (a backend that could not start, a stopped sweep). */
  backends: string[];
  notes: string[];
  /** The browser's user agent and logical cores, as measured. */
  userAgent: string;
  hardwareConcurrency: number;
  points: SweepPoint[];
  summaries: SizeSummary[];
}

const implementation = z.enum(["cpu", "wasm", "webgpu", "js"]);
const workload = z.enum(["matmul", "gd-step"]);
const count = z.number().int().nonnegative().max(1e9);
const ms = z.number().nonnegative();
const short = z.string().max(2_000);

const pointSchema = z.strictObject({
  workload,
  implementation,
  size: count,
  cols: count,
  msPerOp: ms,
  gflops: ms,
  repeats: count,
});

const summarySchema = z.strictObject({
  workload,
  size: count,
  cols: count,
  ms: z.partialRecord(implementation, ms),
  winner: implementation,
  auto: z.enum(["cpu", "wasm", "webgpu"]).nullable(),
  autoSource: z.enum(["calibration", "measured"]),
});

const sweepSchema = z.strictObject({
  schemaVersion: z.literal(BENCHMARK_SWEEP_SCHEMA_VERSION),
  id: z.string().min(1).max(100),
  createdAt: z.iso.datetime({ offset: true, message: "expected an ISO 8601 date-time" }),
  scale: z.enum(["quick", "full"]),
  backends: z.array(short).max(10),
  notes: z.array(short).max(50),
  userAgent: short,
  hardwareConcurrency: count,
  points: z.array(pointSchema).max(1_000),
  summaries: z.array(summarySchema).max(1_000),
}) satisfies z.ZodType<BenchmarkSweepRecord>;

/** Validates a sweep record; returns a copy, never mutates `value`. */
export function validateBenchmarkSweep(value: unknown): ValidationResult<BenchmarkSweepRecord> {
  const result = sweepSchema.safeParse(value);
  return result.success ? { ok: true, record: result.data } : { ok: false, issues: formatIssues(result.error.issues) };
}

/** Validates a stored sweep (no older versions yet); a newer version is reported as such. */
export function restoreBenchmarkSweep(raw: unknown): RestoreResult<BenchmarkSweepRecord> {
  const version =
    typeof raw === "object" && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === "number" && version > BENCHMARK_SWEEP_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [`schemaVersion ${version} is newer than this app reads (${BENCHMARK_SWEEP_SCHEMA_VERSION})`],
      tooNew: true,
    };
  }
  const validation = validateBenchmarkSweep(raw);
  return validation.ok
    ? { ok: true, record: validation.record, migrated: false }
    : { ok: false, issues: validation.issues, tooNew: false };
}
