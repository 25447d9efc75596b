import { lazy, Suspense } from "react";
import { formatNumber, formatValue } from "../../core/grading/compare";
import type { ExperimentCell } from "../../core/lesson/types";
import type { BackendReport } from "../../core/backends/backend-choice";
import type { ExperimentResult, ImplementationResult } from "../../core/experiments/result-types";
import { CellOutputs } from "./CellOutputs";
import { KERNEL_HOST_LABELS } from "../common/kernel-host-labels";
import { DeferredPlot } from "../charts/DeferredPlot";
import { RunningBar } from "./RunningBar";
import { CostTable } from "./CostTable";
import type { ResourceEstimates } from "../../core/lesson/types";
import type { ExperimentState, RunningTask } from "../../core/session/types";
import type { BackendChoice } from "../../core/backends/backend-choice";
import { runParams, type ParamValues } from "../../core/session/parameter-controls";
import { ParameterControls } from "./ParameterControls";
import { useParameterControls } from "./useParameterControls";
import { SweepPanel } from "./SweepPanel";
import type { SweepControls } from "./useSweeps";

const LossChart = lazy(() => import("../charts/LossChart").then((m) => ({ default: m.LossChart })));

interface Props {
  cell: ExperimentCell;
  state: ExperimentState;
  running: RunningTask | null;
  onRun(experimentId: string, values?: ParamValues): void | Promise<void>;
  onStop(): void;
  /** Sweeps of this page's experiments (absent where sweeps are not offered). */
  sweeps?: SweepControls;
  /** The backend the learner chose: a live re-run needs a run estimate for it. */
  backend: BackendChoice;
  timeLimitMs: number;
  /** The lesson's resource estimates, shown beside the measured cost. */
  estimates?: ResourceEstimates;
}

const LABELS: Record<ImplementationResult["name"], string> = {
  learner: "Your code (JavaScript, float64)",
  reference: "TensorFlow.js (float32)",
};

/** An experiment: run button, results table, overlaid loss curves, parameters side by side. */
export function ExperimentRegion(props: Props) {
  const { cell, state, running, onRun, onStop, sweeps, timeLimitMs, estimates = {}, backend } = props;
  const { spec } = cell;
  const sweeping = Boolean(sweeps?.sweeps[cell.id]?.running);
  const params = useParameterControls({ cell, state, running, backend, estimates, onRun, onStop, sweeping });
  const isRunningHere = running?.target.kind === "experiment" && running.target.id === cell.id;
  const result = state.result;
  return (
    <section aria-label={`Experiment ${cell.id}`} className="experiment card">
      <h3>Experiment: {spec.title}</h3>
      <p className="muted small">
        Dataset {spec.dataset.id}@{spec.dataset.version} · test split {spec.split.test} (seed {spec.split.seed}) · seed{" "}
        {spec.seed} · init {spec.init} ·{" "}
        {Object.entries(runParams(spec, params.values))
          .map(([k, v]) => `${k} = ${v}`)
          .join(", ")}
      </p>
      <ParameterControls model={params} />
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => onRun(cell.id, params.values)}
          disabled={running !== null}
        >
          Run experiment
        </button>
        <span className="muted small">time limit {timeLimitMs / 1000} s</span>
      </div>
      {sweeps && <SweepPanel cell={cell} controls={sweeps} lastRunMs={result?.totalMs} busy={running !== null} />}
      {isRunningHere && !sweeps?.sweeps[cell.id]?.running && <RunningBar running={running} onStop={onStop} />}
      <CellOutputs outputs={state.outputs} plots={state.plots} errors={state.errors} notice={state.notice} />
      {result && <BackendLine report={result.backend} />}
      <ResultsTable result={result} />
      {result?.profile && <CostTable profile={result.profile} backend={result.backend.used} estimates={estimates} />}
      {result && <ResultDetails result={result} savedRunId={state.savedRunId} />}
    </section>
  );
}

/** One row per implementation: backend, final metrics, parameters and time. */
function ResultsTable({ result }: { result: ExperimentResult | null }) {
  const metricNames = result ? [...new Set(result.implementations.flatMap((impl) => Object.keys(impl.metrics)))] : [];
  return (
    <table aria-label="Results" className="results">
      <caption>Results</caption>
      <thead>
        <tr>
          <th scope="col">Implementation</th>
          <th scope="col">Backend used</th>
          {metricNames.map((name) => (
            <th key={name} scope="col">
              {metricLabel(name)}
            </th>
          ))}
          <th scope="col">θ</th>
          <th scope="col">Time (ms)</th>
        </tr>
      </thead>
      <tbody>
        {result?.implementations.map((impl) => (
          <tr key={impl.name}>
            <th scope="row">{LABELS[impl.name]}</th>
            <td>{impl.backend === "js" ? "JavaScript" : impl.backend}</td>
            {metricNames.map((name) => (
              <td key={name}>{impl.metrics[name] === undefined ? "" : formatNumber(impl.metrics[name])}</td>
            ))}
            <td>{formatValue(impl.theta)}</td>
            <td>{impl.wallTimeMs.toFixed(1)}</td>
          </tr>
        ))}
        {!result && (
          <tr>
            <td colSpan={4} className="muted">
              No results yet: run the experiment.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** How far the two implementations' parameters are apart, where the run was saved, and the charts. */
function ResultDetails({ result, savedRunId }: { result: ExperimentResult; savedRunId?: string }) {
  return (
    <>
      <p>
        Largest parameter difference max |Δθ| = <strong>{formatNumber(result.maxAbsThetaDiff)}</strong>
        {relativeDifference(result) !== null &&
          ` (relative to the largest parameter: ${formatNumber(relativeDifference(result)!)})`}{" "}
        ({result.trainRows} training rows, {result.testRows} test rows, total {result.totalMs.toFixed(0)} ms
        {result.memory ? `, ${result.memory.numTensors} live tensors` : ""}). TensorFlow.js computes in float32, your
        code in float64, so small differences are expected.
      </p>
      {savedRunId && <p className="muted small">Saved as run {savedRunId}.</p>}
      <Suspense fallback={<p className="muted">Loading chart…</p>}>
        <LossChart
          label="Training cost by step"
          series={result.implementations.map((impl, index) => ({
            name: LABELS[impl.name],
            color: index === 0 ? "#2563eb" : "#ea580c",
            history: impl.history,
          }))}
        />
        {result.plots?.map((plot, index) => (
          <DeferredPlot key={index} plot={plot} />
        ))}
      </Suspense>
    </>
  );
}

/** max |Δθ| over the largest |θ| of your code: float32 keeps about 7 significant digits, whatever the scale. */
function relativeDifference(result: ExperimentResult): number | null {
  const largest = Math.max(...(result.implementations[0]?.theta ?? []).map(Math.abs));
  return Number.isFinite(largest) && largest > 0 ? result.maxAbsThetaDiff / largest : null;
}

/** `trainCost` -> "train cost", `testAccuracy` -> "test accuracy". */
export function metricLabel(name: string): string {
  return name.replace(/([A-Z])/g, " $1").toLowerCase();
}

function BackendLine({ report }: { report: BackendReport }) {
  return (
    <p className="backend-line">
      Backend used: <strong>{report.used}</strong>
      {report.requested !== report.used && ` (requested ${report.requested})`}
      {report.threads !== undefined && ` · ${report.threads} thread${report.threads === 1 ? "" : "s"}`}
      {report.kernelHost && ` · ${KERNEL_HOST_LABELS[report.kernelHost]}`}
      {report.adapter &&
        ` · adapter ${report.adapter.vendor} ${report.adapter.architecture}${report.adapter.isFallbackAdapter ? " (software fallback)" : ""}`}
      {report.auto && (
        <span className="auto-reason">
          <br />
          Auto chose {report.used}: {report.auto.reason}
        </span>
      )}
      {report.skipped.map((skip) => (
        <span key={skip.backend} className="skip-reason">
          <br />
          Skipped {skip.backend}: {skip.reason}
        </span>
      ))}
    </p>
  );
}
