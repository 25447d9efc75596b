/** The one-line summary of a checks run, counting visible and hidden checks apart. Pure. */
import type { CheckVerdict } from "./types";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * "All 5 checks passed", or e.g. "3 of 3 visible checks passed; 2 of 2 hidden
 * checks failed" (each group only when the exercise has such checks).
 */
export function verdictSummaryLine(verdicts: readonly CheckVerdict[]): string {
  const failed = verdicts.filter((v) => !v.passed).length;
  if (failed === 0) return `All ${plural(verdicts.length, "check")} passed`;
  const visible = verdicts.filter((v) => !v.hidden);
  const hidden = verdicts.filter((v) => v.hidden);
  const parts: string[] = [];
  if (visible.length > 0) {
    const passed = visible.filter((v) => v.passed).length;
    parts.push(`${passed} of ${plural(visible.length, "visible check")} passed`);
  }
  if (hidden.length > 0) {
    const hiddenFailed = hidden.filter((v) => !v.passed).length;
    parts.push(
      hiddenFailed === 0
        ? hidden.length === 1
          ? "the hidden check passed"
          : `all ${hidden.length} hidden checks passed`
        : `${hiddenFailed} of ${plural(hidden.length, "hidden check")} failed`,
    );
  }
  return parts.join("; ");
}
