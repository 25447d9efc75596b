import { lineDiff, type StarterUpdate } from "../../core/session/lesson-update";
import type { UpdateChoice } from "./useLessonSession";

/**
 * Tells the learner that the lesson changed under their saved code: one entry
 * per exercise whose starter changed since their draft, with the starter's
 * changes as a diff and the three ways on.
 */
export function LessonUpdateNotice({
  updates,
  onResolve,
}: {
  updates: readonly StarterUpdate[];
  onResolve: (exerciseId: string, choice: UpdateChoice) => void;
}) {
  if (updates.length === 0) return null;
  return (
    <section aria-label="Lesson updated" className="notice lesson-update">
      {updates.map((u) => (
        <div key={u.exerciseId} role="group" aria-label={`Update of exercise ${u.exerciseId}`}>
          <p>
            This lesson was updated to version {u.lessonVersion} since you wrote your code for exercise{" "}
            <strong>{u.exerciseId}</strong> (version {u.draftVersion}). The starter code changed:
          </p>
          <pre aria-label={`Starter changes of ${u.exerciseId}`} className="starter-diff">
            {lineDiff(u.oldStarter, u.newStarter).map((line, i) => (
              <span key={i} className={`diff-${line.kind}`}>
                {line.kind === "added" ? "+ " : line.kind === "removed" ? "- " : "  "}
                {line.text}
                {"\n"}
              </span>
            ))}
          </pre>
          <button type="button" onClick={() => onResolve(u.exerciseId, "keep")}>
            Keep my code
          </button>{" "}
          <button type="button" onClick={() => onResolve(u.exerciseId, "starter")}>
            Take the new starter
          </button>{" "}
          <button type="button" onClick={() => onResolve(u.exerciseId, "merge")}>
            Merge
          </button>
        </div>
      ))}
    </section>
  );
}
