/**
 * The `check` and `checkThat` helpers that instructor check cells call.
 * A recorder collects one verdict per call, in call order. Values are copied
 * to plain data before they are compared (plain-data.ts), and a hidden check's
 * verdict never carries its expected value, nor a message derived from it.
 */
import { compareValues, DEFAULT_TOLERANCE, formatValue } from "./compare";
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

/** Creates an empty recorder. Verdicts accumulate until read. */
export function createCheckRecorder(): CheckRecorder {
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
          verdicts.push({
            name: String(name),
            passed: result.passed,
            expected: hidden || !("value" in expected) ? "" : formatValue(expected.value),
            got: "value" in got ? formatValue(got.value) : "",
            tolerance: numeric && !hidden ? tol : undefined,
            // compareValues' messages quote or imply the expected value ("differs by 0.3"): hidden checks give the hint only.
            message: result.passed ? undefined : hidden ? hint : [result.message, hint].filter(Boolean).join(". "),
            hidden,
          });
          return result.passed;
        },
        checkThat(name, condition, message) {
          const passed = Boolean(condition);
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
