import type { DiagnosisFinding } from "../../core/evaluation/diagnose";
import type { CheckVerdict } from "../../core/grading/types";
import { summarize } from "../../core/grading/check-recorder";
import { formatNumber } from "../../core/grading/compare";
import { verdictSummaryLine } from "../../core/grading/verdict-summary";

/** The verdict of a checks run: a live status line, what the instructor's diagnoses recognised, and one row per check. */
export function Verdicts({
  verdicts,
  fromStorage,
  diagnoses = [],
}: {
  verdicts: CheckVerdict[] | null;
  fromStorage: boolean;
  diagnoses?: DiagnosisFinding[];
}) {
  const summary = verdicts ? summarize(verdicts) : null;
  return (
    <div role="status" aria-live="polite" className="verdicts">
      {summary && verdicts && (
        <p className={summary.failed === 0 ? "verdict-summary pass" : "verdict-summary fail"}>
          {fromStorage ? "Last run: " : ""}
          {verdictSummaryLine(verdicts)}
        </p>
      )}
      {diagnoses.length > 0 && (
        <ul className="verdict-diagnoses" aria-label="What went wrong">
          {diagnoses.map((d) => (
            <li key={d.id} className="verdict-diagnosis" data-diagnosis={d.id}>
              {d.message}
            </li>
          ))}
        </ul>
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
      {verdict.message && <div className="verdict-reason">{verdict.message}</div>}
      {verdict.expected !== "" && <div>expected {verdict.expected}</div>}
      {verdict.got !== "" && <div>got {verdict.got}</div>}
      {verdict.tolerance !== undefined && !verdict.hidden && <div>tolerance ±{formatNumber(verdict.tolerance)}</div>}
    </div>
  );
}
