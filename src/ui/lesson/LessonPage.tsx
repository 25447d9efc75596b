import type { BackendChoice } from "../../core/backends/backend-choice";
import type { Cell, Lesson } from "../../core/lesson/types";
import { DamagedRecords } from "../common/DamagedRecords";
import { Markdown } from "../markdown/Markdown";
import { ExerciseRegion } from "./ExerciseRegion";
import { ExperimentRegion } from "./ExperimentRegion";
import { LessonUpdateNotice } from "./LessonUpdateNotice";
import { TryItBox } from "./TryItBox";
import { exportedFunctionName } from "../../core/session/try-it";
import { EXPERIMENT_TIME_LIMIT_MS, useLessonSession } from "./useLessonSession";
import { useWarmUpAfterLoad } from "./useWarmUpAfterLoad";

/** A lesson: prose, exercises, the tfjs reference and experiments, in file order. */
export function LessonPage({ lesson, backend }: { lesson: Lesson; backend: BackendChoice }) {
  const session = useLessonSession(lesson, backend);
  useWarmUpAfterLoad(session.loaded, backend);
  const { meta } = lesson;
  return (
    <article className="lesson">
      <header>
        <h1>{meta.title}</h1>
        <p className="muted">{meta.summary}</p>
        <EstimatesLine lesson={lesson} />
      </header>
      {session.storageProblem && (
        <p role="alert" className="notice error">
          {session.storageProblem}
        </p>
      )}
      <DamagedRecords records={session.damaged} onReplace={session.replaceDamaged} />
      <LessonUpdateNotice updates={session.updates} onResolve={session.actions.resolveUpdate} />
      {lesson.cells.map((cell, index) =>
        session.loaded || !needsSavedWork(cell) ? (
          <CellView key={index} cell={cell} lesson={lesson} session={session} backend={backend} />
        ) : (
          cell.kind === "exercise" && (
            <p key={index} className="muted">
              Loading your saved work…
            </p>
          )
        ),
      )}
    </article>
  );
}

/**
 * Exercises and experiments show the learner's saved drafts and runs, so they wait for storage (a
 * starter shown first and then swapped for the draft would take typing that is then lost); the
 * prose and the lesson's own code show at once.
 */
function needsSavedWork(cell: Cell): boolean {
  return cell.kind === "exercise" || cell.kind === "experiment";
}

function EstimatesLine({ lesson }: { lesson: Lesson }) {
  const { estimates, datasets } = lesson.meta;
  const parts = [
    estimates.cpuSeconds !== undefined && `about ${estimates.cpuSeconds} s on CPU`,
    estimates.wasmSeconds !== undefined && `${estimates.wasmSeconds} s on WASM`,
    estimates.memoryMiB !== undefined && `${estimates.memoryMiB} MiB of memory`,
  ].filter(Boolean);
  return (
    <p className="muted small">
      Data: {datasets.map((d) => `${d.id}@${d.version}`).join(", ") || "none"}
      {parts.length > 0 && ` · Experiments take ${parts.join(", ")}`}
    </p>
  );
}

function CellView({
  cell,
  lesson,
  session,
  backend,
}: {
  cell: Cell;
  lesson: Lesson;
  session: ReturnType<typeof useLessonSession>;
  backend: BackendChoice;
}) {
  switch (cell.kind) {
    case "prose":
      return <Markdown text={withoutTitleHeading(cell.markdown, lesson.meta.title)} />;
    case "exercise": {
      const exercise = lesson.exercises.find((e) => e.id === cell.id)!;
      const functionName = exercise.solution ? exportedFunctionName(exercise.solution) : null;
      return (
        <>
          <ExerciseRegion
            exercise={exercise}
            state={session.exercises[cell.id]}
            running={session.running}
            actions={session.actions}
            timeLimitMs={lesson.meta.timeLimitMs}
          />
          {functionName && (
            <TryItBox
              exerciseId={cell.id}
              functionName={functionName}
              result={session.tryIt.results[cell.id]}
              running={session.running !== null}
              onTry={(args) => session.tryIt.tryIt(cell.id, args)}
            />
          )}
        </>
      );
    }
    case "experiment":
      return (
        <ExperimentRegion
          cell={cell}
          state={session.experiments[cell.id] ?? { result: null, outputs: [], plots: [], errors: [] }}
          running={session.running}
          onRun={session.runExperiment}
          onStop={session.actions.stop}
          sweeps={session.sweeps}
          timeLimitMs={EXPERIMENT_TIME_LIMIT_MS}
          estimates={lesson.meta.estimates}
          backend={backend}
        />
      );
    case "setup":
      return <CodeDetails summary={`Lesson setup code (${cell.id})`} code={cell.code} />;
    case "tfjs":
      return <CodeDetails summary={`TensorFlow.js version (${cell.id})`} code={cell.code} open />;
    default:
      return null;
  }
}

/** The page header already shows the title; a prose `# <title>` line would repeat it. */
function withoutTitleHeading(markdown: string, title: string): string {
  const lines = markdown.split("\n");
  return lines[0].trim() === `# ${title}` ? lines.slice(1).join("\n") : markdown;
}

function CodeDetails({ summary, code, open = false }: { summary: string; code: string; open?: boolean }) {
  return (
    <details className="code-details" open={open}>
      <summary>{summary}</summary>
      <pre>
        <code>{code}</code>
      </pre>
    </details>
  );
}
