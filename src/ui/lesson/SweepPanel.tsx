/** An experiment's sweep: values per parameter, an estimate, progress with Stop, the results table and chart. */
import { lazy, Suspense, useState } from "react";
import { formatNumber } from "../../core/grading/compare";
import type { ExperimentCell } from "../../core/lesson/types";
import { estimateSweepMs, parseSweepValues, sweepGrid, sweepGridProblem } from "../../core/tracking/sweep";
import type { SweepControls, SweepState } from "./useSweeps";

const SweepChart = lazy(() => import("../charts/SweepChart").then((m) => ({ default: m.SweepChart })));

interface Props {
  cell: ExperimentCell;
  controls: SweepControls;
  /** Time of the last run of this experiment, if any (for the estimate). */
  lastRunMs?: number;
  /** Another run is in progress on the page. */
  busy: boolean;
}

/** The grid the entered texts describe, or why it cannot run. */
function useGrid(params: Record<string, number>, texts: Record<string, string>) {
  const swept: Record<string, number[]> = {};
  for (const [name, text] of Object.entries(texts)) {
    const parsed = parseSweepValues(text);
    if (!parsed.ok) return { combos: [], problem: `${name}: ${parsed.error}` };
    swept[name] = parsed.values;
  }
  const combos = sweepGrid(params, swept);
  return { combos, problem: sweepGridProblem(Object.values(swept).some((v) => v.length) ? combos.length : 0) };
}

export function SweepPanel({ cell, controls, lastRunMs, busy }: Props) {
  const [open, setOpen] = useState(false);
  const names = Object.keys(cell.spec.params);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(names.map((n) => [n, String(cell.spec.params[n])])),
  );
  const { combos, problem } = useGrid(cell.spec.params, texts);
  const sweep = controls.sweeps[cell.id];
  const perRun = lastRunMs ?? 1000;
  const estimate = estimateSweepMs(combos, perRun, cell.spec.params.iterations);
  return (
    <div className="sweep">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
        Sweep
      </button>
      {open && (
        <fieldset className="card">
          <legend>Sweep: comma-separated values per parameter</legend>
          {names.map((name) => (
            <label key={name} className="block">
              {name}{" "}
              <input
                type="text"
                aria-label={name}
                value={texts[name]}
                onChange={(e) => setTexts({ ...texts, [name]: e.target.value })}
              />
            </label>
          ))}
          <p className="muted small">
            {problem ??
              `${combos.length} combination${combos.length === 1 ? "" : "s"}, about ${(estimate / 1000).toFixed(1)} s (${lastRunMs === undefined ? "guessing 1 s per run: run the experiment once for a better estimate" : `${(perRun / 1000).toFixed(2)} s per run as measured`}).`}
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy || problem !== null || sweep?.running}
            onClick={() => void controls.runSweep(cell.id, combos)}
          >
            Run sweep
          </button>
        </fieldset>
      )}
      {sweep && <SweepProgress sweep={sweep} onStop={controls.stopSweep} names={names} />}
    </div>
  );
}

function SweepProgress({ sweep, onStop, names }: { sweep: SweepState; onStop(): void; names: string[] }) {
  const finished = sweep.rows.filter((r) => r.status !== "waiting" && r.status !== "running").length;
  const metricNames = [...new Set(sweep.rows.flatMap((r) => Object.keys(r.metrics ?? {})))];
  const present = names.filter((n) => sweep.rows.some((r) => n in r.values));
  const varying = present.filter((n) => new Set(sweep.rows.map((r) => r.values[n])).size > 1);
  const swept = varying.length > 0 ? varying : present;
  return (
    <>
      {sweep.running && (
        <div className="running-bar">
          <progress aria-label="Sweep progress" max={sweep.rows.length} value={finished} /> {finished} of{" "}
          {sweep.rows.length}
          <button type="button" className="danger" onClick={onStop}>
            Stop
          </button>
        </div>
      )}
      <table aria-label="Sweep results" className="results">
        <caption>Sweep {sweep.sweepId.slice(0, 8)} (your code&apos;s metrics)</caption>
        <thead>
          <tr>
            {swept.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
            {metricNames.map((m) => (
              <th key={m} scope="col">
                {m}
              </th>
            ))}
            <th scope="col">Run</th>
          </tr>
        </thead>
        <tbody>
          {sweep.rows.map((row) => (
            <tr key={row.index}>
              {swept.map((n) => (
                <td key={n}>{row.values[n]}</td>
              ))}
              {metricNames.map((m) => (
                <td key={m}>{row.metrics?.[m] === undefined ? "" : formatNumber(row.metrics[m])}</td>
              ))}
              <td>
                {row.runId ? (
                  <a href={`#/runs/${row.runId}`}>run {row.runId.slice(0, 8)}</a>
                ) : (
                  (row.error ?? row.status)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!sweep.running && swept.length > 0 && metricNames.length > 0 && (
        <Suspense fallback={<p className="muted">Loading chart…</p>}>
          <SweepChart rows={sweep.rows} parameter={swept[0]} metrics={metricNames} />
        </Suspense>
      )}
    </>
  );
}
