import { useEffect, useState } from "react";
import type { ProgressRecord } from "../../core/tracking/types";
import { useServices } from "../common/services-context";
import { useBuiltinLessons } from "../common/use-builtin-lessons";
import { lessonHref } from "../routes";

/** The start page: every lesson in order, with the learner's progress. */
export function Catalogue() {
  const { getRepos } = useServices();
  const lessons = useBuiltinLessons();
  const [progress, setProgress] = useState<ProgressRecord[]>([]);
  useEffect(() => {
    getRepos()
      .then((repos) => repos.progress.listAll())
      .then((list) => setProgress(list.progress))
      .catch(() => setProgress([]));
  }, [getRepos]);
  return (
    <section className="catalogue">
      <h1>Machine learning from the foundations</h1>
      <p className="muted">
        Implement each algorithm yourself, check it, then compare it with TensorFlow.js on WebGPU, WASM or CPU, on the
        same seeded data. Everything runs in your browser, offline.
      </p>
      <ol className="lesson-list">
        {lessons.map(({ file, lesson, diagnostics }) => {
          if (!lesson) {
            return (
              <li key={file} className="card">
                <strong>{file}</strong> cannot be opened:{" "}
                {diagnostics.map((d) => `line ${d.line}: ${d.message}`).join("; ")}
              </li>
            );
          }
          const done = lesson.exerciseIds.filter((id) =>
            progress.some((p) => p.lessonId === lesson.id && p.exerciseId === id && p.everPassed),
          ).length;
          return (
            <li key={file} className="card">
              <a href={lessonHref(lesson.id)}>{lesson.title}</a>
              <p className="muted small">{lesson.summary}</p>
              <p className="small">
                {done} of {lesson.exerciseIds.length} exercises passed
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
