import type { BackendChoice } from "../../core/backends/backend-choice";
import { isOpenable } from "../../core/verification/inspect-lesson-file";
import { parseLesson } from "../../core/lesson/parse-lesson";
import { LessonPage } from "../lesson/LessonPage";
import { countDiagnostics, DiagnosticList } from "./DiagnosticList";
import { LessonFileDrop } from "./LessonFileDrop";
import { useOpenLesson, type ShownLesson } from "./useOpenLesson";
import type { InspectedLessonFile } from "../common/services-context";
import { localLessonHref } from "../routes";
import "./open-lesson.css";

/**
 * `#/open` and `#/local/<id>`: an instructor opens a lesson file from disk
 * (file picker or drag and drop) and it runs like a built-in lesson, with
 * no rebuild. A file with errors shows them by line and replaces nothing.
 */
export function OpenLessonPage({ lessonId, backend }: { lessonId: string | null; backend: BackendChoice }) {
  const { shown, missing, attempt, reading, storageProblem, recent, openFile } = useOpenLesson(lessonId);
  const failed = attempt && !isOpenable(attempt) ? attempt : null;
  return (
    <div className="open-lesson">
      {lessonId === null && (
        <>
          <h1>Open a lesson file</h1>
          <p>
            Try a lesson file while you write it: open it here and it runs exactly like a built-in lesson, without
            rebuilding the app. Open it again after each edit; the learner code you typed is kept (drafts are saved by
            lesson id). <code>npm run lessons:check</code> runs the same checks from the command line.
          </p>
        </>
      )}
      <LessonFileDrop onFile={openFile} busy={reading} />
      {failed && <FailedFile file={failed} keeping={shown !== null} />}
      {storageProblem && (
        <p role="alert" className="notice error">
          {storageProblem}
        </p>
      )}
      {lessonId === null ? (
        <RecentLessons recent={recent} />
      ) : shown ? (
        <ShownLessonView shown={shown} backend={backend} />
      ) : (
        missing && !failed && <NoSuchLesson lessonId={lessonId} />
      )}
    </div>
  );
}

function FailedFile({ file, keeping }: { file: InspectedLessonFile; keeping: boolean }) {
  return (
    <div role="alert" className="notice error">
      <p>
        <strong>{file.fileName}</strong> was not opened: {countDiagnostics(file.diagnostics)}. Fix these lines and open
        the file again.
        {keeping && " The lesson below is unchanged."}
      </p>
      <DiagnosticList label={`Problems in ${file.fileName}`} diagnostics={file.diagnostics} />
    </div>
  );
}

function ShownLessonView({ shown, backend }: { shown: ShownLesson; backend: BackendChoice }) {
  const { record, inspected, revision } = shown;
  return (
    <>
      <p className="muted small" role="status">
        Opened from {record.fileName} at {new Date(record.openedAt).toLocaleTimeString()}. Edit the file, then open it
        again to see the change.
      </p>
      {inspected.diagnostics.length > 0 && (
        <div className="notice warning">
          <p>
            {record.fileName} has {countDiagnostics(inspected.diagnostics)}:
          </p>
          <DiagnosticList label={`Warnings in ${record.fileName}`} diagnostics={inspected.diagnostics} />
        </div>
      )}
      <LessonPage key={`${record.lessonId}@${revision}`} lesson={inspected.lesson!} backend={backend} />
    </>
  );
}

function RecentLessons({ recent }: { recent: ShownLesson["record"][] }) {
  if (recent.length === 0) return null;
  return (
    <section aria-label="Lesson files opened before">
      <h2>Opened before</h2>
      <ul className="local-lessons">
        {recent.map((record) => (
          <li key={record.lessonId}>
            <a href={localLessonHref(record.lessonId)}>
              {parseLesson(record.text).lesson?.meta.title ?? record.lessonId}
            </a>{" "}
            <span className="muted small">
              from {record.fileName}, {new Date(record.openedAt).toLocaleString()}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoSuchLesson({ lessonId }: { lessonId: string }) {
  return (
    <p className="notice info">
      No lesson file with id <code>{lessonId}</code> was opened in this browser. Open it with the file picker above.
    </p>
  );
}
