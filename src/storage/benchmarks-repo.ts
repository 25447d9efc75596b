/** Saved Benchmarks-page sweeps, in the "benchmarks" store keyed by sweep id (one record per sweep). */
import {
  restoreBenchmarkSweep,
  validateBenchmarkSweep,
  type BenchmarkSweepRecord,
} from "../core/tracking/benchmark-sweep-record";
import type { NotebookDb } from "./db";
import type { InvalidRecord } from "./record-io";
import { assertValid, getMany, putChecked } from "./record-io";

/** Reads and writes benchmark sweeps. All methods reject only with StorageError. */
export interface BenchmarksRepo {
  /** Validates and saves a sweep. */
  put(record: BenchmarkSweepRecord): Promise<void>;
  /** Every stored sweep, newest first, and those that failed validation. */
  list(): Promise<{ sweeps: BenchmarkSweepRecord[]; invalid: InvalidRecord[] }>;
}

/** A benchmarks repository over an open notebook database. */
export function createBenchmarksRepo(db: NotebookDb): BenchmarksRepo {
  return {
    put: async (sweep) => {
      const record = assertValid(validateBenchmarkSweep(sweep), "benchmark sweep");
      await putChecked(db, "benchmarks", record.id, record, restoreBenchmarkSweep, "benchmark sweep");
    },
    list: async () => {
      const { records, invalid } = await getMany(db, "benchmarks", restoreBenchmarkSweep);
      return { sweeps: records.sort((a, b) => b.createdAt.localeCompare(a.createdAt)), invalid };
    },
  };
}
