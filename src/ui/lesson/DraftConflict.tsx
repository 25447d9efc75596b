import type { DraftConflict as Conflict } from "../../core/session/types";

/**
 * Another tab saved this exercise while this tab changed it too: both texts
 * side by side and the learner's choice (`Keep mine` / `Take theirs`), as
 * alertdialog "Edit conflict". Nothing is saved over either until they choose.
 */
export function DraftConflict({
  mine,
  conflict,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: string;
  conflict: Conflict;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  return (
    <div role="alertdialog" aria-label="Edit conflict" className="confirm conflict">
      <p>
        This exercise was changed in another tab of the notebook (saved{" "}
        {new Date(conflict.theirs.updatedAt).toLocaleTimeString()}) while you changed it here. Which version do you
        keep? The other one stays recoverable with “Restore my code” after “Take theirs”.
      </p>
      <div className="conflict-versions">
        <figure aria-label="Your version (this tab)">
          <figcaption>Your version (this tab)</figcaption>
          <pre>
            <code>{mine}</code>
          </pre>
        </figure>
        <figure aria-label="Their version (other tab)">
          <figcaption>Their version (other tab)</figcaption>
          <pre>
            <code>{conflict.theirs.code}</code>
          </pre>
        </figure>
      </div>
      <button type="button" onClick={onKeepMine}>
        Keep mine
      </button>
      <button type="button" onClick={onTakeTheirs}>
        Take theirs
      </button>
    </div>
  );
}
