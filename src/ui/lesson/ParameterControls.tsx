import { useEffect, useState } from "react";
import type { ParamControl } from "../../core/lesson/types";
import {
  LIVE_RUN_BUDGET_MS,
  sliderPosition,
  snapToControl,
  valueForSliderMove,
} from "../../core/session/parameter-controls";
import type { ParameterControlsModel } from "./useParameterControls";

/**
 * One slider and one number box per controlled param of an experiment, both
 * named by the param, and a line saying whether a change re-runs live or
 * needs a `Run experiment` click.
 */
export function ParameterControls({ model }: { model: ParameterControlsModel }) {
  const controls = Object.entries(model.cell.spec.controls ?? {});
  if (controls.length === 0) return null;
  return (
    <fieldset className="param-controls">
      <legend>Parameters</legend>
      {controls.map(([name, control]) => (
        <ControlRow
          key={name}
          id={`param-${model.cell.id}-${name}`}
          name={name}
          control={control}
          value={model.values[name]}
          onChange={(v) => model.change(name, v)}
        />
      ))}
      <ModeNote model={model} />
    </fieldset>
  );
}

function ModeNote({ model }: { model: ParameterControlsModel }) {
  const { estimate, mode } = model;
  const seconds = estimate && `about ${(estimate.ms / 1000).toFixed(estimate.ms < 10_000 ? 1 : 0)} s`;
  const basis = estimate?.source === "measured" ? "from your last run" : "the lesson's estimate";
  if (mode === "live")
    return (
      <p className="muted small param-note">
        Changes re-run the experiment live (a run takes {seconds}, {basis}).
      </p>
    );
  return (
    <p className="small param-note click-needed">
      {estimate
        ? `A run with these values takes ${seconds} (${basis}), not under ${LIVE_RUN_BUDGET_MS / 1000} s: `
        : "No run time is known yet: "}
      click <strong>Run experiment</strong> to run it with these values.
    </p>
  );
}

interface RowProps {
  id?: string;
  name: string;
  control: ParamControl;
  value: number;
  onChange(value: number): void;
}

function ControlRow({ id, name, control, value, onChange }: RowProps) {
  const log = control.scale === "log";
  return (
    <div className="param-control">
      <label htmlFor={id}>{name}</label>
      <input
        id={id}
        type="range"
        aria-label={name}
        aria-valuetext={String(value)}
        min={log ? 0 : control.min}
        max={log ? 1000 : control.max}
        step={log ? 1 : control.step}
        value={log ? sliderPosition(value, control) : value}
        onChange={(e) => {
          const raw = Number(e.target.value);
          onChange(log ? valueForSliderMove(raw, value, control) : raw);
        }}
      />
      <NumberBox name={name} control={control} value={value} onChange={onChange} />
      <span className="muted small">
        {control.min} … {control.max}
      </span>
    </div>
  );
}

/** Commits a typed value once it is a valid value of the range (or on Enter / leaving the box, snapped). */
function NumberBox({ name, control, value, onChange }: RowProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const snapped = snapToControl(Number(text), control, value);
    setText(String(snapped));
    if (snapped !== value) onChange(snapped);
  };
  return (
    <input
      type="number"
      aria-label={name}
      min={control.min}
      max={control.max}
      step={control.step}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const typed = Number(e.target.value);
        if (e.target.value !== "" && snapToControl(typed, control, Number.NaN) === typed) onChange(typed);
      }}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
    />
  );
}
