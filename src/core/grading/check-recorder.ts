/**
 * The `check` and `checkThat` helpers that instructor check cells call.
 * A recorder collects one verdict per call, in call order.
 */
import { compareValues, DEFAULT_TOLERANCE, formatValue } from "./compare";
import { hiddenFailureMessage, mismatchSentence } from "./mismatch";
import type { CheckSummary, CheckVerdict } from "./types";

export interface CheckOptions {
  /** Absolute tolerance for numbers (default 1e-6). */
  tol?: number;
}

export interface CheckHelpers {
  check(name: string, got: unknown, expected: unknown, options?: CheckOptions): boolean;
  checkThat(name: string, condition: unknown, message?: string): boolean;
}

export interface CheckRecorder {
  /** Helpers for one check cell; `hidden` hides expected values from the learner. */
  helpersFor(hidden: boolean): CheckHelpers;
  /** Records a failure that is not a `check` call (e.g. the check cell threw). */
  fail(name: string, message: string, hidden: boolean): void;
  verdicts(): CheckVerdict[];
}

/**
 * Sees the raw value of every check, in call order, before it is formatted:
 * `got` for `check`, the condition for `checkThat`, a `CheckThrew` for a
 * recorded failure. Used to compare a learner's results with a diagnosis's variant.
 */
export type CheckObserver = (got: unknown, tolerance: number | undefined) => void;

/** What a `CheckObserver` sees for a check cell that could not finish: the error, without where it happened. */
export class CheckThrew {
  readonly message: string;
  constructor(message: string) {
    this.message = message.replace(/ \(cell [^)]*\)$/, "");
  }
}

/** Creates an empty recorder. Verdicts accumulate until read. */
export function createCheckRecorder(observe: CheckObserver = () => undefined): CheckRecorder {
  const verdicts: CheckVerdict[] = [];
  return {
    helpersFor(hidden) {
      return {
        check(name, got, expected, options = {}) {
          const tol = options.tol ?? DEFAULT_TOLERANCE;
          const result = compareValues(got, expected, tol);
          observe(got, tol);
          verdicts.push({
            name,
            passed: result.passed,
            expected: hidden ? "" : formatValue(expected),
            got: formatValue(got),
            tolerance: typeof expected === "number" || Array.isArray(expected) ? tol : undefined,
            message: result.passed ? undefined : failureMessage(got, expected, result.message, hidden),
            hidden,
          });
          return result.passed;
        },
        checkThat(name, condition, message) {
          const passed = Boolean(condition);
          observe(passed, undefined);
          verdicts.push({
            name,
            passed,
            expected: hidden ? "" : "true",
            got: String(passed),
            message: passed ? undefined : message,
            hidden,
          });
          return passed;
        },
      };
    },
    fail(name, message, hidden) {
      observe(new CheckThrew(message), undefined);
      verdicts.push({ name, passed: false, expected: "", got: "", message, hidden });
    },
    verdicts: () => verdicts.slice(),
  };
}

/** Counts passed and failed verdicts. */
export function summarize(verdicts: readonly CheckVerdict[]): CheckSummary {
  const passed = verdicts.filter((v) => v.passed).length;
  return { passed, failed: verdicts.length - passed, total: verdicts.length };
}

/** Why a check failed: a sentence for the wrong kind of result, else the comparison's own message; hidden checks never show a difference. */
function failureMessage(
  got: unknown,
  expected: unknown,
  comparison: string | undefined,
  hidden: boolean,
): string | undefined {
  if (hidden) return hiddenFailureMessage(got, expected);
  return mismatchSentence(got, expected) ?? comparison;
}
