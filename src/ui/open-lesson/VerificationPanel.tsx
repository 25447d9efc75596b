import type { Lesson } from "../../core/lesson/types";
import {
  reportHeadline,
  type VerificationItem,
  type VerificationReport,
} from "../../core/verification/verification-report";
import { useLessonVerification } from "./useLessonVerification";

const STATE_TEXT: Record<VerificationItem["state"], string> = {
  waiting: "waiting",
  running: "running…",
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
};

/**
 * The verification of an opened lesson file, above the lesson: progress while
 * the solutions, starters, diagnoses and experiments run through the kernel,
 * then one row per run. A failing lesson stays open for the instructor to try,
 * under an alert that says learners would meet its problems.
 */
export function VerificationPanel({ lesson, fileName }: { lesson: Lesson; fileName: string }) {
  const report = useLessonVerification(lesson);
  if (!report) return null;
  const { done, failed, finished, headline } = reportHeadline(report);
  return (
    <section aria-label="Lesson verification" className="verification">
      <h2>Verification of {fileName}</h2>
      <p role="status" className={failed ? "verification-headline failed" : "verification-headline"}>
        {headline}
      </p>
      {!done && <progress aria-label="Verification progress" max={report.items.length} value={finished} />}
      {done && failed > 0 && <FailedWarning fileName={fileName} />}
      <ReportTable report={report} />
    </section>
  );
}

function FailedWarning({ fileName }: { fileName: string }) {
  return (
    <p role="alert" className="notice error">
      <strong>Do not give {fileName} to learners yet:</strong> it failed verification, so learners would get wrong
      verdicts or a broken experiment. It is open below so you can try it; fix the lines listed and open the file again.
    </p>
  );
}

function ReportTable({ report }: { report: VerificationReport }) {
  return (
    <table aria-label="Verification report" className="verification-report">
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Result</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {report.items.map((item) => (
          <tr key={item.stepId} className={`verification-item ${item.state}`}>
            <th scope="row">{item.label}</th>
            <td>{STATE_TEXT[item.state]}</td>
            <td>
              {item.problems.length > 0 ? (
                <ul className="diagnostics">
                  {item.problems.map((p, index) => (
                    <li key={index} className={`diagnostic ${p.severity}`}>
                      Line {p.line}: {p.message}
                    </li>
                  ))}
                </ul>
              ) : (
                item.summary
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
