import { useState } from "react";
import type { Exercise } from "../../core/lesson/types";
import { CodeEditor } from "../editor/CodeEditor";
import { Markdown } from "../markdown/Markdown";
import { CellOutputs } from "./CellOutputs";
import { RunningBar } from "./RunningBar";
import type { ExerciseState, RunningTask } from "../../core/session/types";
import { Verdicts } from "./Verdicts";

export interface ExerciseActions {
  setCode(exerciseId: string, code: string): void;
  runChecks(exerciseId: string): void;
  stop(): void;
  revealHint(exerciseId: string): void;
  showSolution(exerciseId: string): void;
  restorePrevious(exerciseId: string): void;
  reset(exerciseId: string): void;
}

interface Props {
  exercise: Exercise;
  state: ExerciseState;
  running: RunningTask | null;
  actions: ExerciseActions;
  timeLimitMs: number;
}

/** One exercise: editor, actions, hints, verdicts and output, as region "Exercise <id>". */
export function ExerciseRegion({ exercise, state, running, actions, timeLimitMs }: Props) {
  const [confirming, setConfirming] = useState(false);
  const isRunningHere = running?.target.kind === "exercise" && running.target.id === exercise.id;
  const hints = exercise.hints.slice(0, state.hintsRevealed);
  return (
    <section aria-label={`Exercise ${exercise.id}`} aria-busy={isRunningHere} className="exercise card">
      <h3>
        Exercise: {exercise.title ?? exercise.id} <code className="muted">{exercise.id}</code>
      </h3>
      <CodeEditor
        path={`${exercise.id}.ts`}
        label={`Code of exercise ${exercise.id}`}
        value={state.code}
        revision={state.revision}
        onChange={(code) => actions.setCode(exercise.id, code)}
        onRun={() => actions.runChecks(exercise.id)}
        errors={state.errors.filter((error) => error.cellId === exercise.id)}
      />
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => actions.runChecks(exercise.id)}
          disabled={running !== null}
        >
          Run checks
        </button>
        <button
          type="button"
          onClick={() => actions.revealHint(exercise.id)}
          disabled={state.hintsRevealed >= exercise.hints.length}
        >
          Hint
        </button>
        <button type="button" onClick={() => setConfirming(true)} disabled={!exercise.solution}>
          Show solution
        </button>
        <button type="button" onClick={() => actions.reset(exercise.id)}>
          Reset
        </button>
        {state.previousCode !== undefined && (
          <button type="button" onClick={() => actions.restorePrevious(exercise.id)}>
            Restore my code
          </button>
        )}
        <span className="muted small">Shift+Enter runs checks · time limit {timeLimitMs / 1000} s</span>
      </div>
      {isRunningHere && <RunningBar running={running} onStop={actions.stop} />}
      {confirming && (
        <div role="alertdialog" aria-label="Show solution?" className="confirm">
          <p>Replace your code with the solution? Your code is kept: “Restore my code” brings it back.</p>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              actions.showSolution(exercise.id);
            }}
          >
            Replace with solution
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {hints.length > 0 && (
        <ol className="hints" aria-label="Hints">
          {hints.map((hint) => (
            <li key={hint.tier}>
              <Markdown text={hint.markdown} />
            </li>
          ))}
        </ol>
      )}
      <Verdicts verdicts={state.verdicts} fromStorage={state.verdictsFromStorage} diagnoses={state.diagnoses} />
      <CellOutputs outputs={state.outputs} plots={state.plots} errors={state.errors} notice={state.notice} />
    </section>
  );
}
