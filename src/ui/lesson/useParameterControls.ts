/**
 * The controls of one experiment's params: their values, and the live re-run.
 * When a run is estimated under a second, a change re-runs the experiment
 * after a short pause (stopping a run of it still in flight); otherwise the
 * learner clicks `Run experiment`. The rules are in core/session/parameter-controls.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import type { ExperimentCell, ResourceEstimates } from "../../core/lesson/types";
import {
  estimateRunMs,
  initialControlValues,
  runMode,
  runParams,
  snapToControl,
  type ParamValues,
  type RunEstimate,
  type RunMode,
} from "../../core/session/parameter-controls";
import type { ExperimentState, RunningTask } from "../../core/session/types";

/** Quiet time after the last change before a live re-run starts, in milliseconds (a drag fires many changes). */
export const LIVE_RERUN_DEBOUNCE_MS = 300;

export interface ParameterControlsArgs {
  cell: ExperimentCell;
  state: ExperimentState;
  running: RunningTask | null;
  backend: BackendChoice;
  estimates: ResourceEstimates;
  onRun(experimentId: string, values: ParamValues): void | Promise<void>;
  onStop(): void;
  /** True while a sweep of this experiment runs: a live re-run waits for it instead of stopping it. */
  sweeping?: boolean;
}

/** What the controls show and do: values, the estimate and mode for them, and `change`. */
export interface ParameterControlsModel {
  cell: ExperimentCell;
  values: ParamValues;
  estimate: RunEstimate | null;
  mode: RunMode;
  /** Sets param `name` (clamped and snapped to its range); re-runs live when the estimate allows. */
  change(name: string, value: number): void;
}

export function useParameterControls(args: ParameterControlsArgs): ParameterControlsModel {
  const { cell, state, running, backend, estimates, onRun, onStop, sweeping = false } = args;
  const { spec } = cell;
  const [own, setOwn] = useState(() => ({ spec, values: initialControlValues(spec) }));
  // Another lesson's experiment in this place starts from its own values.
  const values = own.spec === spec ? own.values : initialControlValues(spec);
  if (own.spec !== spec) setOwn({ spec, values });
  const estimateFor = useCallback(
    (v: ParamValues) =>
      estimateRunMs({
        params: runParams(spec, v),
        specParams: spec.params,
        backend,
        measured: state.measured,
        estimates,
      }),
    [spec, backend, state.measured, estimates],
  );
  const queue = useLiveRerun(cell.id, running, onRun, sweeping ? () => undefined : onStop);

  const change = (name: string, value: number) => {
    const control = spec.controls?.[name];
    if (!control) return;
    const next = { ...values, [name]: snapToControl(value, control, values[name]) };
    setOwn({ spec, values: next });
    queue(runMode(estimateFor(next)) === "live" ? next : null);
  };
  const estimate = estimateFor(values);
  return { cell, values, estimate, mode: runMode(estimate), change };
}

/**
 * Debounced re-runs of experiment `id`: `queue(values)` runs it with `values`
 * once changes pause, after stopping a run of it in flight with `onStop` (a
 * run of another cell is waited for); `queue(null)` drops a pending re-run.
 */
function useLiveRerun(
  id: string,
  running: RunningTask | null,
  onRun: ParameterControlsArgs["onRun"],
  onStop: () => void,
): (values: ParamValues | null) => void {
  const [queued, setQueued] = useState<ParamValues | null>(null);
  const [settled, setSettled] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Set from sending a re-run until its record is saved: the slot is not "running" while the request is built.
  const inFlight = useRef(false);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!queued) return;
    if (running?.target.kind === "experiment" && running.target.id === id) return onStop();
    if (running || inFlight.current) return;
    inFlight.current = true;
    setQueued(null);
    void Promise.resolve(onRun(id, queued)).finally(() => {
      inFlight.current = false;
      setSettled((n) => n + 1);
    });
  }, [queued, running, settled, id, onRun, onStop]);

  return useCallback((values: ParamValues | null) => {
    clearTimeout(timer.current);
    if (values === null) return setQueued(null);
    timer.current = setTimeout(() => setQueued(values), LIVE_RERUN_DEBOUNCE_MS);
  }, []);
}
