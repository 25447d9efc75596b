import { useState } from "react";
import type { TryItResult } from "./useTryIt";

/**
 * A small box under an exercise: the learner types the arguments of a call
 * and compares their function's output with the lesson's solution, whose
 * code stays hidden.
 */
export function TryItBox({
  exerciseId,
  functionName,
  result,
  running,
  onTry,
}: {
  exerciseId: string;
  functionName: string;
  result?: TryItResult;
  running: boolean;
  onTry: (args: string) => void;
}) {
  const [args, setArgs] = useState("");
  return (
    <section aria-label={`Try it ${exerciseId}`} className="try-it">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onTry(args);
        }}
      >
        <label>
          Try it: <code>{functionName}(</code>
          <input
            type="text"
            aria-label={`Arguments for ${functionName}`}
            value={args}
            placeholder="e.g. X, y, [0, 0]"
            onChange={(event) => setArgs(event.target.value)}
          />
          <code>)</code>
        </label>{" "}
        <button type="submit" disabled={running}>
          Compare with the reference
        </button>
      </form>
      {result && (
        <p role="status" aria-label={`Try it result ${exerciseId}`}>
          {result.kind === "problem" ? (
            result.text
          ) : (
            <>
              {result.same ? "Same as the reference." : "Different from the reference."} Yours:{" "}
              <code>{result.mine}</code>; the reference: <code>{result.reference}</code>
              {result.message && !result.same ? ` (${result.message})` : ""}
            </>
          )}
        </p>
      )}
    </section>
  );
}
