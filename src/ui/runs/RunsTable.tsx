/**
 * The table of runs, windowed: only the rows in view (plus a few) are in the
 * DOM, so 10,000 runs render as fast as 20. Spacer rows keep the scroll
 * height and are hidden from assistive technology (they are not runs).
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { formatNumber } from "../../core/grading/compare";
import type { RunSummary } from "../../core/tracking/run-summary";
import { runHref } from "./run-href";

const ROW_HEIGHT = 37;
const COLUMNS = 11;

interface Props {
  runs: RunSummary[] | null;
  selected: ReadonlySet<string>;
  onToggle(runId: string): void;
  onDelete(summary: RunSummary): void;
  emptyText: string;
}

export function RunsTable({ runs, selected, onToggle, onDelete, emptyText }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = runs?.length ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0].start : 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div ref={scroller} className="runs-scroller">
      <table aria-label="Runs" className="results">
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">Run</th>
            <th scope="col">Finished</th>
            <th scope="col">Lesson / experiment</th>
            <th scope="col">Backend used</th>
            <th scope="col">Seed</th>
            <th scope="col">Your metrics</th>
            <th scope="col">tfjs metrics</th>
            <th scope="col">max |Δθ|</th>
            <th scope="col">Tags</th>
            <th scope="col">Delete</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
          {runs &&
            items.map((item) => {
              const run = runs[item.index];
              return (
                <RunRow
                  key={run.runId}
                  run={run}
                  selected={selected.has(run.runId)}
                  onToggle={() => onToggle(run.runId)}
                  onDelete={() => onDelete(run)}
                />
              );
            })}
          {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
          {runs?.length === 0 && (
            <tr>
              <td colSpan={COLUMNS} className="muted">
                {emptyText}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function RunRow(props: { run: RunSummary; selected: boolean; onToggle(): void; onDelete(): void }) {
  const { run } = props;
  const short = run.runId.slice(0, 8);
  return (
    <tr style={{ height: ROW_HEIGHT }}>
      <td>
        <input type="checkbox" checked={props.selected} onChange={props.onToggle} aria-label={`Compare run ${short}`} />
      </td>
      <td>
        <a href={runHref(run.runId)}>run {short}</a>
        {run.replayOf && <span className="muted small"> (replay)</span>}
      </td>
      <td>{new Date(run.createdAt).toLocaleString()}</td>
      <td>
        {run.lessonId} / {run.experimentId}
      </td>
      <td>
        {run.backend}
        {run.requested !== run.backend && ` (asked ${run.requested})`}
      </td>
      <td>{run.seed}</td>
      <td>{run.learnerMetrics}</td>
      <td>{run.referenceMetrics}</td>
      <td>{formatNumber(run.maxAbsThetaDiff)}</td>
      <td>{run.tags.join(", ")}</td>
      <td>
        <button type="button" className="link" onClick={props.onDelete} aria-label={`Delete run ${short}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
