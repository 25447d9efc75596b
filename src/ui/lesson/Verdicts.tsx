import type { CheckVerdict } from "../../core/grading/types";
import { summarize } from "../../core/grading/check-recorder";
import { formatNumber } from "../../core/grading/compare";

/** The verdict of a checks run: a live status line and one row per check. */
export function Verdicts({ verdicts, fromStorage }: { verdicts: CheckVerdict[] | null; fromStorage: boolean }) {
  const summary = verdicts ? summarize(verdicts) : null;
  return (
    <div role="status" aria-live="polite" className="verdicts">
      {summary && (
        <p className={summary.failed === 0 ? "verdict-summary pass" : "verdict-summary fail"}>
          {fromStorage ? "Last run: " : ""}
          {summary.failed === 0
            ? `All ${summary.total} checks passed`
            : `${summary.failed} of ${summary.total} checks failed`}
        </p>
      )}
      {verdicts && (
        <ul className="verdict-list">
          {verdicts.map((verdict, index) => (
            <li key={index} className={verdict.passed ? "pass" : "fail"}>
              <span className="verdict-mark" aria-hidden="true">
                {verdict.passed ? "✓" : "✗"}
              </span>{" "}
              <strong>{verdict.name}</strong>: {verdict.passed ? "passed" : "failed"}
              {verdict.hidden && <span className="muted"> (hidden check)</span>}
              {!verdict.passed && <VerdictDetail verdict={verdict} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VerdictDetail({ verdict }: { verdict: CheckVerdict }) {
  return (
    <div className="verdict-detail">
      {verdict.expected !== "" && <div>expected {verdict.expected}</div>}
      {verdict.got !== "" && <div>got {verdict.got}</div>}
      {verdict.tolerance !== undefined && !verdict.hidden && <div>tolerance ±{formatNumber(verdict.tolerance)}</div>}
      {verdict.message && <div className="muted">{verdict.message}</div>}
    </div>
  );
}
