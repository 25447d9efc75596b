/**
 * The `check` and `checkThat` helpers that instructor check cells call.
 * A recorder collects one verdict per call, in call order. Values are copied
 * to plain data before they are compared (plain-data.ts), and a hidden check's
 * verdict never carries its expected value, nor a message derived from it.
 */
import { compareValues, DEFAULT_TOLERANCE, formatValue } from "./compare";
import { hiddenFailureMessage, mismatchSentence } from "./mismatch";
import { toPlainData } from "./plain-data";
import type { CheckSummary, CheckVerdict } from "./types";

export interface CheckOptions {
  /** Absolute tolerance for numbers (default 1e-6). */
  tol?: number;
  /** Shown when the check fails; the only explanation a failed hidden check gives. */
  hint?: string;
}

/** Plain data, or the reason it is not: a learner value with a getter or a cycle fails its check. */
function plainOrProblem(value: unknown): { value: unknown } | { problem: string } {
  try {
    return { value: toPlainData(value, { wrapFunction: (fn) => fn }) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : "the value could not be read" };
  }
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
        check(name, gotValue, expectedValue, options = {}) {
          const tol = Number(options.tol ?? DEFAULT_TOLERANCE);
          const hint = typeof options.hint === "string" ? options.hint : undefined;
          const got = plainOrProblem(gotValue);
          const expected = plainOrProblem(expectedValue);
          const result =
            "problem" in got
              ? { passed: false, message: got.problem }
              : "problem" in expected
                ? { passed: false, message: `the check's expected value: ${expected.problem}` }
                : compareValues(got.value, expected.value, tol);
          const numeric = "value" in expected && (typeof expected.value === "number" || Array.isArray(expected.value));
          observe("value" in got ? got.value : new CheckThrew(got.problem), tol);
          verdicts.push({
            name: String(name),
            passed: result.passed,
            expected: hidden || !("value" in expected) ? "" : formatValue(expected.value),
            got: "value" in got ? formatValue(got.value) : "",
            tolerance: numeric && !hidden ? tol : undefined,
            message: result.passed ? undefined : failureMessage(got, expected, result.message, hidden, hint),
            hidden,
          });
          return result.passed;
        },
        checkThat(name, condition, message) {
          const passed = Boolean(condition);
          observe(passed, undefined);
          verdicts.push({
            name: String(name),
            passed,
            expected: hidden ? "" : "true",
            got: String(passed),
            message: passed || message === undefined ? undefined : String(message),
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

/**
 * Why a check failed: a sentence for the wrong kind of result, else the comparison's own message,
 * then the author's hint; hidden checks never show a difference or an expected value.
 */
function failureMessage(
  got: { value: unknown } | { problem: string },
  expected: { value: unknown } | { problem: string },
  comparison: string | undefined,
  hidden: boolean,
  hint: string | undefined,
): string | undefined {
  const bothPlain = "value" in got && "value" in expected;
  // compareValues' messages quote or imply the expected value ("differs by 0.3"): hidden checks never use them.
  let why: string | undefined;
  if (!bothPlain) why = "problem" in got || !hidden ? comparison : "The check's expected value could not be read.";
  else
    why = hidden
      ? hiddenFailureMessage(got.value, expected.value)
      : (mismatchSentence(got.value, expected.value) ?? comparison);
  if (!why || !hint) return why ?? hint;
  return `${why.replace(/\.?$/, ".")} ${hint}`;
}
