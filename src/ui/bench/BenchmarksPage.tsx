import { useState } from "react";
import { BACKEND_CHOICES, type BackendName } from "../../core/backends/backend-choice";
import { GD_COLS, SWEEP_SIZES, type BenchWorkload, type SizeSummary } from "../../core/ml/bench-sweep";
import type { BenchmarkSweepRecord } from "../../core/tracking/benchmark-sweep-record";
import { BenchChart } from "../charts/BenchChart";
import { useServices } from "../common/services-context";
import { SavedSweeps, exportSweep } from "./SavedSweeps";
import { useBenchmarkSweep } from "./useBenchmarkSweep";

const BACKENDS = BACKEND_CHOICES.filter((choice): choice is BackendName => choice !== "auto");
const TITLES: Record<BenchWorkload, string> = {
  matmul: "matMul n×n",
  "gd-step": `gradient-descent step m×${GD_COLS}`,
};
const IMPLEMENTATIONS = ["cpu", "wasm", "webgpu", "js"] as const;

/** Built-in profiling: the lessons' operations swept over sizes on each tfjs backend and in plain JavaScript. */
export function BenchmarksPage() {
  const { environment } = useServices();
  const sweep = useBenchmarkSweep();
  const [backends, setBackends] = useState<BackendName[]>(BACKENDS);
  const [scale, setScale] = useState<"quick" | "full">("full");
  const env = environment.snapshot();
  const toggle = (backend: BackendName) =>
    setBackends((chosen) => (chosen.includes(backend) ? chosen.filter((b) => b !== backend) : [...chosen, backend]));
  return (
    <section className="bench">
      <h1>Benchmarks</h1>
      <p className="muted">
        Times the operations the lessons use — an n × n matMul, and one batch gradient-descent step of linear regression
        on an m × {GD_COLS} matrix (X·θ, residual, Xᵀ·r, update) — over sizes, on each TensorFlow.js backend (float32)
        and in plain JavaScript (float64). Which backend wins depends on the size and on this machine:{" "}
        {env.hardwareConcurrency} logical cores,{" "}
        {env.crossOriginIsolated
          ? "cross-origin isolated (WASM may use threads)"
          : "not cross-origin isolated (WASM runs single-threaded)"}
        .
      </p>
      <fieldset className="toolbar" disabled={sweep.progress !== null}>
        <legend>Sweep</legend>
        {BACKENDS.map((backend) => (
          <label key={backend}>
            <input type="checkbox" checked={backends.includes(backend)} onChange={() => toggle(backend)} /> tfjs{" "}
            {backend}
          </label>
        ))}
        <label>
          Sizes{" "}
          <select value={scale} onChange={(e) => setScale(e.target.value as "quick" | "full")}>
            <option value="quick">quick (matMul ≤ {SWEEP_SIZES.quick.matmul.at(-1)})</option>
            <option value="full">full (matMul ≤ {SWEEP_SIZES.full.matmul.at(-1)})</option>
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={backends.length === 0}
          onClick={() => void sweep.run(backends, scale)}
        >
          Run sweep
        </button>
      </fieldset>
      {sweep.progress && (
        <div className="toolbar">
          <progress aria-label="Sweep progress" max={sweep.progress.total} value={sweep.progress.done} />
          <span aria-live="polite">
            Measuring {sweep.progress.current} ({sweep.progress.done + 1} of {sweep.progress.total})…
          </span>
          <button type="button" onClick={sweep.stop}>
            Stop
          </button>
        </div>
      )}
      {sweep.problem && <p role="alert">{sweep.problem}</p>}
      {sweep.shown && <SweepResults sweep={sweep.shown} />}
      <SavedSweeps sweeps={sweep.saved} onShow={sweep.setShown} />
    </section>
  );
}

function SweepResults({ sweep }: { sweep: BenchmarkSweepRecord }) {
  const workloads = (Object.keys(TITLES) as BenchWorkload[]).filter((w) =>
    sweep.summaries.some((s) => s.workload === w),
  );
  const fromCalibration = sweep.summaries.some((s) => s.autoSource === "calibration");
  return (
    <section aria-label="Sweep results">
      <h2>Sweep of {new Date(sweep.createdAt).toLocaleString()}</h2>
      {workloads.map((w) => (
        <BenchChart key={w} title={TITLES[w]} summaries={sweep.summaries.filter((s) => s.workload === w)} />
      ))}
      <SweepTable summaries={sweep.summaries} />
      <p className="muted small">
        Auto column:{" "}
        {fromCalibration
          ? "for gradient-descent steps, Auto's estimator on this browser's cached calibration (“estimate”); "
          : "no calibration is cached in this browser (run an experiment on Auto to make one), so "}
        {fromCalibration ? "for matMul, " : ""}the fastest tfjs backend measured in this sweep (“measured”).
      </p>
      {sweep.notes.length > 0 && (
        <ul className="muted small">
          {sweep.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => exportSweep(sweep, "json")}>
          Export JSON
        </button>
        <button type="button" onClick={() => exportSweep(sweep, "csv")}>
          Export CSV
        </button>
      </div>
    </section>
  );
}

const formatMs = (ms: number | undefined) => (ms === undefined ? "–" : ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

function SweepTable({ summaries }: { summaries: SizeSummary[] }) {
  return (
    <table aria-label="Benchmark sweep" className="results">
      <thead>
        <tr>
          <th scope="col">Workload</th>
          <th scope="col">Size</th>
          {IMPLEMENTATIONS.map((i) => (
            <th key={i} scope="col">
              {i === "js" ? "JavaScript" : `tfjs ${i}`} ms
            </th>
          ))}
          <th scope="col">Fastest</th>
          <th scope="col">Auto</th>
        </tr>
      </thead>
      <tbody>
        {summaries.map((s) => (
          <tr key={`${s.workload}-${s.size}`}>
            <td>{TITLES[s.workload]}</td>
            <td>{s.workload === "matmul" ? s.size : `${s.size}×${s.cols}`}</td>
            {IMPLEMENTATIONS.map((i) => (
              <td key={i}>{formatMs(s.ms[i])}</td>
            ))}
            <td>{s.winner}</td>
            <td>{s.auto ? `${s.auto} (${s.autoSource === "calibration" ? "estimate" : "measured"})` : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
