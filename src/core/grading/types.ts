/** The verdict of one `check(...)` call, as shown under an exercise and stored as progress. */
export interface CheckVerdict {
  /** What was checked, e.g. "cost at theta = [0, 0]". */
  name: string;
  passed: boolean;
  /** Display strings; empty for hidden checks' expected value. */
  expected: string;
  got: string;
  /** Absolute tolerance used for numeric comparison, if any. */
  tolerance?: number;
  /** Extra explanation on failure (e.g. "length 2 expected, got 3" or a thrown error). */
  message?: string;
  hidden: boolean;
}

export interface CheckSummary {
  passed: number;
  failed: number;
  total: number;
}
