import { useState } from "react";
import { formatNumber } from "../../core/grading/compare";
import { BACKEND_CHOICES, type BackendName } from "../../core/backends/backend-choice";
import type { BenchmarkResult } from "../../core/protocol/protocol";
import type { RunId } from "../../core/tracking/types";
import { useServices } from "../common/services-context";

/** Matrix sizes measured: small enough for a software WebGPU adapter, large enough to show the trend. */
const SIZES = [128, 256, 512];
/** Each backend gets its own fresh worker and this long to finish. */
const BACKEND_TIME_LIMIT_MS = 120_000;
const BACKENDS = BACKEND_CHOICES.filter((choice): choice is BackendName => choice !== "auto");

type Outcome = { requested: BackendName; result?: BenchmarkResult; problem?: string };

/** Measures each backend in turn, in its own fresh worker; outcomes arrive one by one. */
function useBenchmarks() {
  const { kernel } = useServices();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [running, setRunning] = useState<BackendName | null>(null);
  const run = async () => {
    setOutcomes([]);
    for (const backend of BACKENDS) {
      setRunning(backend);
      const request = { kind: "run-benchmark" as const, runId: crypto.randomUUID() as RunId, backend, sizes: SIZES };
      const end = await kernel.run(request, BACKEND_TIME_LIMIT_MS, () => undefined).done;
      const outcome: Outcome =
        end.kind === "finished" && end.message.kind === "benchmark-done"
          ? { requested: backend, result: end.message.result }
          : {
              requested: backend,
              problem:
                end.kind === "finished" && end.message.kind === "failed"
                  ? end.message.message
                  : `run ended: ${end.kind}`,
            };
      setOutcomes((previous) => [...previous, outcome]);
    }
    setRunning(null);
  };
  return { outcomes, running, run };
}

/** Built-in profiling: matMul throughput of each tfjs backend next to plain JavaScript, on this machine. */
export function BenchmarksPage() {
  const { environment } = useServices();
  const { outcomes, running, run } = useBenchmarks();
  const env = environment.snapshot();
  return (
    <section className="bench">
      <h1>Benchmarks</h1>
      <p className="muted">
        Multiplies two seeded n × n matrices on each TensorFlow.js backend (float32) and in plain JavaScript (float64,
        i-k-j loops), and reports milliseconds per multiply and GFLOP/s (2n³ flops). Which backend wins depends on the
        problem size and on this machine: {env.hardwareConcurrency} logical cores
        {env.deviceMemoryGiB !== undefined ? `, about ${env.deviceMemoryGiB} GiB of memory` : ""},{" "}
        {env.crossOriginIsolated
          ? "cross-origin isolated (WASM may use threads)"
          : "not cross-origin isolated (WASM runs single-threaded)"}
        .
      </p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={run} disabled={running !== null}>
          Run benchmarks
        </button>
        {running && <span aria-live="polite">Measuring {running}…</span>}
      </div>
      <BenchmarkTable outcomes={outcomes} />
      <ul className="muted small">
        {outcomes.map(
          (outcome) =>
            outcome.result && <li key={outcome.requested}>{backendDetails(outcome.requested, outcome.result)}</li>,
        )}
      </ul>
    </section>
  );
}

function BenchmarkTable({ outcomes }: { outcomes: Outcome[] }) {
  return (
    <table aria-label="Benchmarks" className="results">
      <thead>
        <tr>
          <th scope="col">Asked</th>
          <th scope="col">Implementation</th>
          <th scope="col">n</th>
          <th scope="col">ms per multiply</th>
          <th scope="col">GFLOP/s</th>
          <th scope="col">Repeats</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.flatMap((outcome) =>
          outcome.result
            ? outcome.result.rows.map((row) => (
                <tr key={`${outcome.requested}-${row.implementation}-${row.size}`}>
                  <td>{outcome.requested}</td>
                  <td>{row.implementation === "js" ? "JavaScript" : `tfjs ${outcome.result!.backend.used}`}</td>
                  <td>{row.size}</td>
                  <td>{row.msPerOp.toFixed(2)}</td>
                  <td>{formatNumber(row.gflops)}</td>
                  <td>{row.repeats}</td>
                </tr>
              ))
            : [
                <tr key={outcome.requested}>
                  <td>{outcome.requested}</td>
                  <td colSpan={5}>failed: {outcome.problem}</td>
                </tr>,
              ],
        )}
        {outcomes.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              Not measured yet.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
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
