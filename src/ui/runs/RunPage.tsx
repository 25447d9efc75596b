/** One run (`#/runs/<runId>`): what it ran, Replay with its verdict, its replays, artifacts, tags and note. */
import { useCallback, useEffect, useState } from "react";
import { formatNumber, formatValue } from "../../core/grading/compare";
import type { RunSummary } from "../../core/tracking/run-summary";
import type { RunRecord } from "../../core/tracking/types";
import { KERNEL_HOST_LABELS } from "../common/kernel-host-labels";
import { useServices } from "../common/services-context";
import { ArtifactsTable } from "./ArtifactsTable";
import { RunLabels } from "./RunLabels";
import { runHref } from "./run-href";
import { useReplay, type ReplayState } from "./useReplay";

/** The run, its replays, and a `reload` for after a change. */
function useRun(runId: string) {
  const { getRepos } = useServices();
  const [run, setRun] = useState<RunRecord | null | undefined>(undefined);
  const [replays, setReplays] = useState<RunSummary[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(() => {
    getRepos()
      .then(async ({ tracking }) => {
        const [found, replayList] = await Promise.all([
          tracking.getRun(runId),
          tracking.summariesBy("byReplayOf", runId),
        ]);
        setRun(found ?? null);
        setReplays(replayList);
      })
      .catch((error: Error) => setProblem(error.message));
  }, [getRepos, runId]);
  useEffect(reload, [reload]);
  return { run, replays, problem, reload };
}

export function RunPage({ runId }: { runId: string }) {
  const { run, replays, problem, reload } = useRun(runId);
  const { state, replay } = useReplay(run ?? undefined, reload);
  if (problem)
    return (
      <p role="alert" className="notice error">
        {problem}
      </p>
    );
  if (run === undefined) return <p className="muted">Loading run…</p>;
  if (run === null) {
    return (
      <section>
        <h1>Run not found</h1>
        <p>
          No run {runId} is stored in this browser. <a href="#/runs">Back to the runs</a>
        </p>
      </section>
    );
  }
  return (
    <section className="run-page">
      <p>
        <a href="#/runs">← All runs</a>
      </p>
      <h1>
        Run {run.runId.slice(0, 8)}: {run.lessonId} / {run.experimentId}
      </h1>
      <RunFacts run={run} />
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void replay()} disabled={state.phase === "running"}>
          Replay
        </button>
        <span className="muted small">
          Runs this record again in a fresh kernel on {run.backend.used}, then compares every loss, parameter and
          metric.
        </span>
      </div>
      <ReplayStatus state={state} />
      <ReplayList replays={replays} />
      <ArtifactsTable run={run} />
      <RunLabels run={run} onSaved={reload} />
    </section>
  );
}

function RunFacts({ run }: { run: RunRecord }) {
  return (
    <dl className="run-facts">
      <dt>Finished</dt>
      <dd>{new Date(run.createdAt).toLocaleString()}</dd>
      <dt>Backend used (asked)</dt>
      <dd>
        {run.backend.used} ({run.backend.requested})
      </dd>
      {run.backend.kernelHost && (
        <>
          <dt>Kernel</dt>
          <dd>{KERNEL_HOST_LABELS[run.backend.kernelHost]}</dd>
        </>
      )}
      <dt>Seed / split</dt>
      <dd>
        {run.seed} / test {run.split.test}, seed {run.split.seed}
      </dd>
      <dt>Dataset</dt>
      <dd>
        {run.dataset.id}@{run.dataset.version} <code>{run.dataset.sha256.slice(0, 16)}</code>
      </dd>
      <dt>Parameters</dt>
      <dd>{formatValue(run.params)}</dd>
      <dt>max |Δθ|</dt>
      <dd>{formatNumber(run.maxAbsThetaDiff)}</dd>
      {run.replayOf && (
        <>
          <dt>Replay of</dt>
          <dd>
            <a href={runHref(run.replayOf)}>run {run.replayOf.slice(0, 8)}</a>
          </dd>
        </>
      )}
      {run.sweep && (
        <>
          <dt>Sweep</dt>
          <dd>
            {run.sweep.id.slice(0, 8)}, combination {run.sweep.index + 1} of {run.sweep.of}
          </dd>
        </>
      )}
    </dl>
  );
}

function ReplayStatus({ state }: { state: ReplayState }) {
  if (state.phase === "idle") return null;
  if (state.phase === "running") {
    return (
      <div className="running-bar">
        <span>Replaying in a fresh kernel…</span>
        <button type="button" className="danger" onClick={state.stop}>
          Stop
        </button>
      </div>
    );
  }
  if (state.phase === "refused") {
    return (
      <div role="alert" className="notice error">
        Not replayed: {state.problems.join(" ")}
      </div>
    );
  }
  if (state.phase === "failed")
    return (
      <div role="alert" className="notice error">
        {state.message}
      </div>
    );
  return (
    <div role="status" className={`notice ${state.verdict.kind === "differs" ? "error" : "info"}`}>
      Replay {state.text} Saved as <a href={runHref(state.replay.runId)}>run {state.replay.runId.slice(0, 8)}</a>.
    </div>
  );
}

function ReplayList({ replays }: { replays: RunSummary[] }) {
  if (replays.length === 0) return null;
  return (
    <section aria-label="Replays">
      <h2>Replays of this run</h2>
      <ul>
        {replays.map((replay) => (
          <li key={replay.runId}>
            <a href={runHref(replay.runId)}>run {replay.runId.slice(0, 8)}</a> on {replay.backend},{" "}
            {new Date(replay.createdAt).toLocaleString()}
          </li>
        ))}
      </ul>
    </section>
  );
}
