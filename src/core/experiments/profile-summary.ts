/**
 * A run's cost profile as rows of text for the page, next to what the lesson
 * estimated (front matter `estimates`: seconds on CPU/WASM, MiB). Pure.
 */
import type { ResourceEstimates } from "../lesson/types";
import type { RunProfile } from "./run-profile";

/** One row of the cost table: what, measured, and the lesson's estimate where it has one. */
export interface CostRow {
  label: string;
  measured: string;
  estimate?: string;
}

const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString("en")} ms`);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

/** Rows for `profile` of a run on `backend`, with the lesson's time estimate for that backend (wasm or cpu). */
export function costRows(profile: RunProfile, backend: string, estimates: ResourceEstimates): CostRow[] {
  const seconds = backend === "wasm" ? estimates.wasmSeconds : backend === "cpu" ? estimates.cpuSeconds : undefined;
  const total = profile.backendInitMs + profile.firstStepMs + profile.steadyMs;
  const rows: CostRow[] = [
    { label: "tfjs total", measured: ms(total), estimate: seconds !== undefined ? `${seconds} s` : undefined },
    { label: "start-up: backend", measured: ms(profile.backendInitMs) },
    { label: "start-up: first step (compile, warm-up)", measured: ms(profile.firstStepMs) },
    { label: "steady state", measured: ms(profile.steadyMs) },
  ];
  if (profile.steps)
    rows.push({
      label: `per step (${profile.steps.count} steps)`,
      measured: `p50 ${ms(profile.steps.p50)} · p90 ${ms(profile.steps.p90)} · p99 ${ms(profile.steps.p99)}`,
    });
  rows.push(
    {
      label: "peak live tensors",
      measured: `${profile.peakTensors} (${mib(profile.peakBytes)})`,
      estimate: estimates.memoryMiB !== undefined ? `${estimates.memoryMiB} MiB` : undefined,
    },
    { label: "tensors leaked", measured: String(profile.leakedTensors) },
  );
  if (profile.jsHeapBytes !== undefined) rows.push({ label: "JS heap", measured: mib(profile.jsHeapBytes) });
  const kernels = profile.topKernels?.map((k) => `${k.name} ${ms(k.ms)} (${k.calls}×)`).join(", ");
  const kernelsLine =
    kernels && profile.kernelsNote ? `${kernels} (${profile.kernelsNote})` : kernels || profile.kernelsNote;
  rows.push({ label: "top kernels", measured: kernelsLine || "none" });
  return rows;
}
