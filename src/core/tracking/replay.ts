/**
 * Replay of a tracked run from its record alone: what the record must hold,
 * the checksums that must still match (the lesson parts and the dataset), and
 * the verdict that compares a replay with its original value by value. Pure.
 */
import type { ReplayInputs, StoredSourceCell } from "./run-extras";
import type { RunRecord, StoredImplementationResult } from "./types";

/** float32 machine epsilon (2^-23): the spacing of float32 numbers near 1. */
export const FLOAT32_EPSILON = 2 ** -23;

/**
 * Relative tolerance of a replay whose tfjs reference ran on WebGPU (or on a
 * different backend than the original): GPU reductions add float32 partial
 * sums in an order that can change between dispatches, so each step may round
 * differently; over a training run these differences grow to about a thousand
 * float32 ulps (2^-23 * 2^10, about 1.2e-4) relative to the value.
 */
export const FLOAT32_REORDER_TOLERANCE = FLOAT32_EPSILON * 1024;

/**
 * Tolerance of one implementation's numbers in a replay: plain JavaScript,
 * tfjs CPU and single-threaded WASM compute in a fixed order, so a replay on
 * the same backend must be bit-identical (0); WebGPU, or a different backend,
 * gets FLOAT32_REORDER_TOLERANCE.
 */
export function replayTolerance(original: string, replay: string): number {
  if (original !== replay || original === "webgpu") return FLOAT32_REORDER_TOLERANCE;
  return 0;
}

/** Lesson parts that decide an experiment's result, as text: its checksum is stored with the run. */
export function lessonFingerprintText(parts: {
  setup: readonly StoredSourceCell[];
  reference: StoredSourceCell;
  spec: ReplayInputs["spec"];
  checks: readonly { for: string; code: string; hidden: boolean }[];
}): string {
  return JSON.stringify({
    setup: parts.setup.map(({ id, code }) => ({ id, code })),
    reference: { id: parts.reference.id, code: parts.reference.code },
    spec: parts.spec,
    checks: parts.checks.map((check) => ({ for: check.for, code: check.code, hidden: check.hidden })),
  });
}

/** Why a record cannot be replayed at all, or null when it holds everything a replay needs. */
export function replayInputsProblem(run: RunRecord): string | null {
  if (!run.replay) {
    return "This run was recorded before runs kept their lesson setup and reference code (run schema 1), so it cannot be replayed from its record.";
  }
  return null;
}

/** The checksums a replay compares: recorded in the run, and computed now. */
export interface ReplayChecksums {
  /** SHA-256 of the record's learner cells joined as in `code.text` (recomputed now). */
  code: string;
  /** SHA-256 of the dataset as loaded now. */
  dataset: string;
  /** SHA-256 of the current lesson's fingerprint text, or undefined when the lesson is not installed here. */
  lesson?: string;
}

/**
 * Checksum mismatches that stop a replay, each a readable sentence; empty when
 * the replay may run. A replay never runs on changed code, data or lesson.
 */
export function checksumMismatches(run: RunRecord, now: ReplayChecksums): string[] {
  const problems: string[] = [];
  if (now.code !== run.code.sha256) {
    problems.push(
      `The recorded code does not match its SHA-256 (recorded ${run.code.sha256.slice(0, 12)}, computed ${now.code.slice(0, 12)}).`,
    );
  }
  if (now.dataset !== run.dataset.sha256) {
    problems.push(
      `Dataset ${run.dataset.id}@${run.dataset.version} changed since this run: SHA-256 was ${run.dataset.sha256.slice(0, 12)}, is now ${now.dataset.slice(0, 12)}.`,
    );
  }
  const recorded = run.replay?.lesson.sha256;
  if (recorded && now.lesson === undefined) {
    problems.push(`Lesson ${run.lessonId} is not available in this browser.`);
  } else if (recorded && now.lesson !== recorded) {
    problems.push(
      `Lesson ${run.lessonId} changed since this run (setup, checks, reference or experiment): SHA-256 was ${recorded.slice(0, 12)}, is now ${now.lesson!.slice(0, 12)}.`,
    );
  }
  return problems;
}

/** Where two numbers of a run were compared: implementation, what, and the step (loss history) or index. */
export interface ValueLocation {
  implementation: StoredImplementationResult["name"];
  what: "loss" | "theta" | "metric";
  /** The step of a loss, the index of a parameter, or the metric's name. */
  at: number | string;
}

/** How a replay compares with its original. */
export type ReplayVerdict =
  | { kind: "bit-identical"; compared: number }
  | { kind: "within tolerance"; compared: number; largest: number; tolerance: number; where: ValueLocation }
  | {
      kind: "differs";
      where: ValueLocation;
      original: number;
      replay: number;
      difference: number;
      tolerance: number;
      /** True when a step, parameter or metric exists in only one of the runs. */
      missing?: boolean;
    };

/** One compared pair with its location. */
interface Pair {
  where: ValueLocation;
  original: number;
  replay: number;
  tolerance: number;
}

/** |a - b| relative to max(1, |a|, |b|); 0 for identical bits (NaN equals NaN), Infinity when only one is NaN. */
export function relativeDifference(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  if (a === b) return 0;
  const diff = Math.abs(a - b);
  return Number.isFinite(diff) ? diff / Math.max(1, Math.abs(a), Math.abs(b)) : Infinity;
}

function implementationPairs(
  original: StoredImplementationResult,
  replay: StoredImplementationResult | undefined,
  tolerance: number,
): Pair[] | ValueLocation {
  const name = original.name;
  if (!replay) return { implementation: name, what: "loss", at: original.history[0]?.step ?? 0 };
  const pairs: Pair[] = [];
  const steps = Math.max(original.history.length, replay.history.length);
  for (let i = 0; i < steps; i++) {
    const a = original.history[i];
    const b = replay.history[i];
    if (!a || !b || a.step !== b.step) return { implementation: name, what: "loss", at: (a ?? b).step };
    pairs.push({
      where: { implementation: name, what: "loss", at: a.step },
      original: a.loss,
      replay: b.loss,
      tolerance,
    });
  }
  if (original.theta.length !== replay.theta.length) return { implementation: name, what: "theta", at: 0 };
  original.theta.forEach((value, i) =>
    pairs.push({
      where: { implementation: name, what: "theta", at: i },
      original: value,
      replay: replay.theta[i],
      tolerance,
    }),
  );
  for (const [metric, value] of Object.entries(original.metrics)) {
    const other = replay.metrics[metric];
    if (other === undefined) return { implementation: name, what: "metric", at: metric };
    pairs.push({
      where: { implementation: name, what: "metric", at: metric },
      original: value,
      replay: other,
      tolerance,
    });
  }
  return pairs;
}

/**
 * Compares a replay with its original: every loss of every step, every final
 * parameter and every metric of both implementations. `bit-identical` when all
 * are the same float64 bits; `within tolerance` when the largest relative
 * difference is within what the backend's float32 arithmetic explains
 * (see `replayTolerance`); otherwise `differs` at the first value (in step
 * order) beyond its tolerance. Missing steps or values differ at once.
 */
export function compareReplay(original: RunRecord, replay: RunRecord): ReplayVerdict {
  const pairs: Pair[] = [];
  for (const impl of original.implementations) {
    const other = replay.implementations.find((i) => i.name === impl.name);
    const tolerance = replayTolerance(impl.backend, other?.backend ?? impl.backend);
    const found = implementationPairs(impl, other, tolerance);
    if (!Array.isArray(found))
      return {
        kind: "differs",
        where: found,
        original: NaN,
        replay: NaN,
        difference: Infinity,
        tolerance,
        missing: true,
      };
    pairs.push(...found);
  }
  let largest: Pair | null = null;
  let largestDiff = 0;
  for (const pair of pairs) {
    const diff = relativeDifference(pair.original, pair.replay);
    if (diff > pair.tolerance) return { kind: "differs", ...pair, difference: diff };
    if (diff > largestDiff) [largest, largestDiff] = [pair, diff];
  }
  if (!largest) return { kind: "bit-identical", compared: pairs.length };
  return {
    kind: "within tolerance",
    compared: pairs.length,
    largest: largestDiff,
    tolerance: largest.tolerance,
    where: largest.where,
  };
}

function describeLocation(where: ValueLocation): string {
  const who = where.implementation === "learner" ? "your code" : "tfjs";
  if (where.what === "loss") return `${who}, loss at step ${where.at}`;
  if (where.what === "theta") return `${who}, parameter θ[${where.at}]`;
  return `${who}, metric ${where.at}`;
}

/** The verdict as one sentence for the run page's status line; starts with the verdict's kind. */
export function describeVerdict(verdict: ReplayVerdict): string {
  if (verdict.kind === "bit-identical") return `bit-identical: all ${verdict.compared} values have the same bits.`;
  if (verdict.kind === "within tolerance") {
    return `within tolerance: largest relative difference ${verdict.largest.toExponential(2)} (${describeLocation(verdict.where)}), within the ${verdict.tolerance.toExponential(2)} that float32 arithmetic in a different order explains.`;
  }
  if (verdict.missing) {
    return `differs: first at ${describeLocation(verdict.where)} (missing in one of the runs).`;
  }
  return `differs: first at ${describeLocation(verdict.where)}: original ${verdict.original}, replay ${verdict.replay} (relative difference ${verdict.difference.toExponential(2)}, tolerance ${verdict.tolerance.toExponential(2)}).`;
}
