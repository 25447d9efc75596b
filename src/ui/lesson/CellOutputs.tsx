import type { CellError } from "../../core/evaluation/types";
import type { CellPlot, OutputLine, RunNotice } from "../../core/session/types";
import { DeferredPlot } from "../charts/DeferredPlot";

/** Console output, errors (with the line in the learner's cell) and run notices under a cell. */
export function CellOutputs({
  outputs,
  plots = [],
  errors,
  notice,
}: {
  outputs: OutputLine[];
  plots?: CellPlot[];
  errors: CellError[];
  notice?: RunNotice;
}) {
  if (outputs.length === 0 && plots.length === 0 && errors.length === 0 && !notice) return null;
  return (
    <div className="cell-outputs">
      {notice && (
        <p role="alert" className={`notice ${notice.tone}`}>
          {notice.text}
        </p>
      )}
      {errors.map((error, index) => (
        <pre key={`e${index}`} className="cell-error">
          {error.line ? `Line ${error.line}${error.column ? `:${error.column}` : ""}` : "Error"} in {error.cellId}:{" "}
          {error.message}
        </pre>
      ))}
      {outputs.length > 0 && (
        <pre className="console-output" aria-label="Console output">
          {outputs.map((line, index) => (
            <div key={index} className={`console-${line.level}`}>
              {line.text}
            </div>
          ))}
        </pre>
      )}
      {plots.length > 0 && (
        <>
          {plots.map((entry, index) => (
            <DeferredPlot key={index} plot={entry.plot} />
          ))}
        </>
      )}
    </div>
  );
}
