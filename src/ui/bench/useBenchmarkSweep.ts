import { useCallback, useEffect, useRef, useState } from "react";
import { CALIBRATION_VERSION } from "../../core/backends/auto-choice";
import type { BackendName } from "../../core/backends/backend-choice";
import { planSweep, summariseSweep, type SweepJob, type SweepPoint } from "../../core/ml/bench-sweep";
import type { BenchmarkResult } from "../../core/protocol/protocol";
import { BENCHMARK_SWEEP_SCHEMA_VERSION, type BenchmarkSweepRecord } from "../../core/tracking/benchmark-sweep-record";
import type { RunId } from "../../core/tracking/types";
import { cachedCalibration } from "../../kernel/calibration-cache";
import { useServices, type KernelRunner } from "../common/services-context";

/** Each job (one workload's sizes on one backend) gets its own fresh worker and this long to finish. */
const JOB_TIME_LIMIT_MS = 120_000;

/** Where a running sweep is: jobs done out of all, and the one being measured. */
export interface SweepProgress {
  done: number;
  total: number;
  current: string;
}

/** What the backend really was: threads, adapter, and why a requested backend was skipped. */
function backendDetails(requested: BackendName, result: BenchmarkResult): string {
  const { used, threads, adapter, skipped, tfjsVersion } = result.backend;
  const parts = [`asked for ${requested}, used ${used} (tfjs ${tfjsVersion})`];
  if (threads !== undefined) parts.push(`${threads} thread${threads === 1 ? "" : "s"}`);
  if (used === "webgpu" && adapter)
    parts.push(
      `adapter ${adapter.vendor} ${adapter.architecture}${adapter.isFallbackAdapter ? " (software fallback)" : ""}`,
    );
  skipped.forEach((skip) => parts.push(`${skip.backend} skipped: ${skip.reason}`));
  return parts.join(" · ");
}

/** The measured points of one job's result; a backend that fell back to another keeps only its JavaScript rows. */
function pointsOf(job: SweepJob, result: BenchmarkResult, notes: string[]): SweepPoint[] {
  const used = result.backend.used;
  notes.push(backendDetails(job.backend, result));
  if (used !== job.backend) notes.push(`${job.backend} is not available here (got ${used}); left out`);
  return result.rows
    .filter((row) => row.implementation === "js" || used === job.backend)
    .map(({ implementation, ...row }) => ({ ...row, implementation: implementation === "js" ? "js" : job.backend }));
}

async function runJob(kernel: KernelRunner, job: SweepJob, onStop: (stop: () => void) => void) {
  const request = {
    kind: "run-benchmark" as const,
    runId: crypto.randomUUID() as RunId,
    backend: job.backend,
    workload: job.workload,
    sizes: job.sizes,
    withJs: job.withJs,
  };
  const handle = kernel.run(request, JOB_TIME_LIMIT_MS, () => undefined);
  onStop(handle.stop);
  return handle.done;
}

/** The calibration Auto would use here, when one of this version is cached. */
function usableCalibration() {
  const calibration = cachedCalibration();
  return calibration?.version === CALIBRATION_VERSION ? calibration : undefined;
}

/** Runs a sweep job by job (progress, Stop), then saves it; lists saved sweeps. */
export function useBenchmarkSweep() {
  const { kernel, getRepos, environment } = useServices();
  const [progress, setProgress] = useState<SweepProgress | null>(null);
  const [shown, setShown] = useState<BenchmarkSweepRecord | null>(null);
  const [saved, setSaved] = useState<BenchmarkSweepRecord[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const stopRef = useRef<{ stopped: boolean; stop: () => void }>({ stopped: false, stop: () => undefined });

  const refresh = useCallback(async () => {
    try {
      setSaved((await (await getRepos()).benchmarks.list()).sweeps);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, [getRepos]);
  useEffect(() => void refresh(), [refresh]);

  const run = async (backends: BackendName[], scale: "quick" | "full") => {
    const jobs = planSweep(backends, scale);
    const points: SweepPoint[] = [];
    const notes: string[] = [];
    stopRef.current = { stopped: false, stop: () => undefined };
    setProblem(null);
    for (const [i, job] of jobs.entries()) {
      if (stopRef.current.stopped) break;
      setProgress({ done: i, total: jobs.length, current: `${job.backend} · ${job.workload}` });
      const end = await runJob(kernel, job, (stop) => (stopRef.current.stop = stop));
      if (end.kind === "finished" && end.message.kind === "benchmark-done")
        points.push(...pointsOf(job, end.message.result, notes));
      else if (end.kind === "finished" && end.message.kind === "failed")
        notes.push(`${job.backend} ${job.workload} failed: ${end.message.message}`);
      else
        notes.push(`${job.backend} ${job.workload}: ${end.kind === "stopped" ? "stopped" : `run ended (${end.kind})`}`);
    }
    if (stopRef.current.stopped) notes.push("the sweep was stopped before it finished");
    const env = environment.snapshot();
    const record: BenchmarkSweepRecord = {
      schemaVersion: BENCHMARK_SWEEP_SCHEMA_VERSION,
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      scale,
      backends,
      notes: [...new Set(notes)],
      userAgent: env.userAgent,
      hardwareConcurrency: env.hardwareConcurrency,
      points,
      summaries: summariseSweep(points, usableCalibration()),
    };
    setShown(record);
    setProgress(null);
    try {
      await (await getRepos()).benchmarks.put(record);
      await refresh();
    } catch (error) {
      setProblem(`The sweep was not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const stop = () => {
    stopRef.current.stopped = true;
    stopRef.current.stop();
  };
  return { progress, shown, setShown, saved, problem, run, stop };
}
