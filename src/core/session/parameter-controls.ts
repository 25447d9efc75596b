/**
 * The interactive parameters of an experiment: the values its controls hold,
 * how a typed or dragged value is clamped and snapped to the control's range,
 * and whether a change re-runs the experiment at once ("live") or waits for a
 * `Run experiment` click. Pure: every function returns new values.
 */
import type { BackendChoice } from "../backends/backend-choice";
import type { ExperimentSpec, ParamControl, ResourceEstimates } from "../lesson/types";

/** Param values by name, e.g. `{ alpha: 0.01, iterations: 1500 }`. */
export type ParamValues = Record<string, number>;

/** A change re-runs the experiment live only when the run is estimated under this many milliseconds. */
export const LIVE_RUN_BUDGET_MS = 1000;

/**
 * Params whose value a run's time grows in proportion to (the number of
 * passes over the data): a run with twice the iterations takes about twice as long.
 */
export const ITERATION_LIKE_PARAMS: readonly string[] = ["iterations", "iters", "epochs", "steps", "maxIterations"];

/** The params a run with these control values uses: the spec's params, the controlled ones replaced. */
export function runParams(spec: Pick<ExperimentSpec, "params">, values: ParamValues): ParamValues {
  return { ...spec.params, ...values };
}

/** The controls' starting values: each controlled param's value from the spec. */
export function initialControlValues(spec: Pick<ExperimentSpec, "params" | "controls">): ParamValues {
  return Object.fromEntries(Object.keys(spec.controls ?? {}).map((name) => [name, spec.params[name]]));
}

/** Decimal places of `x` as written (0.001 -> 3, 1e-7 -> 7, 100 -> 0). */
function decimals(x: number): number {
  const [mantissa, exponent] = x.toExponential().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * `value` clamped to [min, max] and snapped to the nearest `min + k * step`
 * (rounded to the decimals of min and step, so 0.01 stays 0.01, not
 * 0.010000000000000002). A non-finite value gives `fallback`.
 */
export function snapToControl(value: number, control: ParamControl, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  const clamped = Math.min(control.max, Math.max(control.min, value));
  const steps = Math.round((clamped - control.min) / control.step);
  const digits = Math.min(15, Math.max(decimals(control.min), decimals(control.step)));
  const snapped = Number((control.min + steps * control.step).toFixed(digits));
  return snapped > control.max ? Number((snapped - control.step).toFixed(digits)) : snapped;
}

/** Slider positions run 0..SLIDER_RESOLUTION on a log-scale control. */
export const SLIDER_RESOLUTION = 1000;

/** Where `value` sits on a log-scale control's slider, 0..SLIDER_RESOLUTION. */
export function sliderPosition(value: number, control: ParamControl): number {
  const { min, max } = control;
  return Math.round((SLIDER_RESOLUTION * Math.log(value / min)) / Math.log(max / min));
}

/** The value at slider position `position` (0..SLIDER_RESOLUTION) of a log-scale control, snapped. */
export function valueAtSliderPosition(position: number, control: ParamControl): number {
  const { min, max } = control;
  const raw = min * Math.pow(max / min, position / SLIDER_RESOLUTION);
  return snapToControl(raw, control, min);
}

/**
 * The value after a log-scale slider moved from `current` to `position`: the
 * value there, or one `step` further in the direction it moved when that snaps
 * back to `current` (near `min` one slider position is less than a step, and
 * the arrow keys would otherwise not move it).
 */
export function valueForSliderMove(position: number, current: number, control: ParamControl): number {
  const next = valueAtSliderPosition(position, control);
  const from = sliderPosition(current, control);
  if (next !== current || position === from) return next;
  return snapToControl(current + Math.sign(position - from) * control.step, control, current);
}

/** A finished run's time, as measured on the page, and what it ran with. */
export interface MeasuredRun {
  params: ParamValues;
  /**
   * The run's total time as the kernel measured it (`totalMs` of its result,
   * both implementations), in milliseconds; the kernel's start-up is not in it,
   * as it is not in the lesson's estimates.
   */
  ms: number;
  /** The backend the learner chose for it (`auto` included). */
  backend: BackendChoice;
}

/** How long a run is expected to take and what the figure comes from. */
export interface RunEstimate {
  ms: number;
  source: "measured" | "lesson";
}

/**
 * The time of one run with `params`, in milliseconds, or null when nothing is known.
 * The base figure is the last measured run of this experiment on the same
 * backend choice, else the lesson's `estimates` for that backend (its
 * `cpuSeconds` or `wasmSeconds`; for `auto` and `webgpu`, the larger declared
 * one), which is for the spec's own params. The base is then scaled by the
 * ratio new/old of each iteration-like param (ITERATION_LIKE_PARAMS) that
 * changed; other params are taken not to change the time.
 */
export function estimateRunMs(args: {
  params: ParamValues;
  specParams: ParamValues;
  backend: BackendChoice;
  measured?: MeasuredRun;
  estimates: ResourceEstimates;
}): RunEstimate | null {
  const { params, measured } = args;
  if (measured && measured.backend === args.backend)
    return { ms: measured.ms * iterationRatio(params, measured.params), source: "measured" };
  const seconds = lessonSeconds(args.estimates, args.backend);
  if (seconds === undefined) return null;
  return { ms: seconds * 1000 * iterationRatio(params, args.specParams), source: "lesson" };
}

/** The product over iteration-like params of new/old (1 when none changed or old is not positive). */
export function iterationRatio(params: ParamValues, before: ParamValues): number {
  return ITERATION_LIKE_PARAMS.reduce((ratio, name) => {
    const now = params[name];
    const then = before[name];
    return now !== undefined && then !== undefined && then > 0 ? (ratio * now) / then : ratio;
  }, 1);
}

function lessonSeconds(estimates: ResourceEstimates, backend: BackendChoice): number | undefined {
  if (backend === "cpu") return estimates.cpuSeconds;
  if (backend === "wasm") return estimates.wasmSeconds;
  const declared = [estimates.cpuSeconds, estimates.wasmSeconds].filter((s) => s !== undefined);
  return declared.length > 0 ? Math.max(...declared) : undefined;
}

/** "live": a change re-runs the experiment at once; "click": the learner clicks `Run experiment`. */
export type RunMode = "live" | "click";

/** Live when the run is estimated under LIVE_RUN_BUDGET_MS; with no estimate, a click is needed. */
export function runMode(estimate: RunEstimate | null): RunMode {
  return estimate !== null && estimate.ms < LIVE_RUN_BUDGET_MS ? "live" : "click";
}
