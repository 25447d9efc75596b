/**
 * Sweeps: a grid over an experiment's numeric parameters, entered as
 * comma-separated values per parameter; each combination becomes one run
 * tagged with the sweep's id. Pure.
 */

/** Most combinations one sweep may have (each is a full experiment run). */
export const MAX_SWEEP_COMBINATIONS = 64;

/** Parses `"0.001, 0.01, 0.1"` into numbers; an empty text means "not swept". */
export function parseSweepValues(text: string): { ok: true; values: number[] } | { ok: false; error: string } {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const values: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value)) return { ok: false, error: `"${part}" is not a number` };
    if (!values.includes(value)) values.push(value);
  }
  return { ok: true, values };
}

/** One combination: the full params of its run and the swept values. */
export interface SweepCombination {
  index: number;
  params: Record<string, number>;
  values: Record<string, number>;
}

/**
 * Every combination of the swept values (the first parameter varies slowest),
 * each on top of `base`. A parameter with no values keeps its base value.
 */
export function sweepGrid(
  base: Readonly<Record<string, number>>,
  swept: Readonly<Record<string, readonly number[]>>,
): SweepCombination[] {
  const axes = Object.entries(swept).filter(([, values]) => values.length > 0);
  let combos: Record<string, number>[] = [{}];
  for (const [name, values] of axes) combos = combos.flatMap((combo) => values.map((v) => ({ ...combo, [name]: v })));
  return combos.map((values, index) => ({ index, params: { ...base, ...values }, values }));
}

/** Why a grid cannot run, or null: it needs at least one combination and at most MAX_SWEEP_COMBINATIONS. */
export function sweepGridProblem(combinations: number): string | null {
  if (combinations === 0) return "Enter at least one value for a parameter.";
  if (combinations > MAX_SWEEP_COMBINATIONS) {
    return `${combinations} combinations is too many for one sweep (at most ${MAX_SWEEP_COMBINATIONS}).`;
  }
  return null;
}

/**
 * Estimated duration of a sweep in milliseconds: the combinations times the
 * time of one run, scaled by the iterations when they are swept (a run's time
 * grows with its iterations). `oneRunMs` is a measured run with `baseIterations`.
 */
export function estimateSweepMs(
  combinations: readonly SweepCombination[],
  oneRunMs: number,
  baseIterations?: number,
): number {
  return combinations.reduce((total, combo) => {
    const iterations = combo.params.iterations;
    const scale = baseIterations && iterations ? iterations / baseIterations : 1;
    return total + oneRunMs * scale;
  }, 0);
}

/** True when positive values span at least two decades, so a log axis shows them better. */
export function spansDecades(values: readonly number[]): boolean {
  if (values.length < 2 || values.some((v) => !(v > 0))) return false;
  return Math.max(...values) / Math.min(...values) >= 100;
}

/** The tag every run of a sweep carries, e.g. `sweep:3f9c…`. */
export function sweepTag(sweepId: string): string {
  return `sweep:${sweepId}`;
}
