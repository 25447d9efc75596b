/**
 * `lessons:check --print-values`: the actual value of every check of an
 * exercise when its solution runs (hidden checks too), at full precision, so
 * an instructor can fill in expected values. Only the instructor sees these
 * (hidden checks run as hidden: the values come from the raw observations). Pure.
 */
import { observer, type Observation } from "../evaluation/diagnose";
import { runChecks } from "../evaluation/run-checks";
import { checkSourcesOf } from "../evaluation/check-sources";
import type { LessonPayload, SourceCell } from "../evaluation/types";
import { CheckThrew } from "../grading/check-recorder";
import type { Exercise } from "../lesson/types";

const MAX_ITEMS = 50;

/** A value as an instructor would paste it into `check(...)`: numbers to 10 significant digits. */
export function formatFullValue(value: unknown, depth = 0): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  if (value instanceof CheckThrew) return `(threw: ${value.message})`;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    const shown = items.slice(0, MAX_ITEMS).map((item) => formatFullValue(item, depth + 1));
    return `[${shown.join(", ")}${items.length > MAX_ITEMS ? `, … ${items.length - MAX_ITEMS} more` : ""}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${k}: ${formatFullValue(v, depth + 1)}`,
    );
    return `{ ${entries.join(", ")} }`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/** One line per check call: `exercise computeCost, check "cost at theta = [0, 0]" (hidden): 47.96647353`. */
export function checkValueLines(exercise: Exercise, payload: LessonPayload, cells: readonly SourceCell[]): string[] {
  const checks = checkSourcesOf(exercise);
  const observations: Observation[] = [];
  const { verdicts } = runChecks(payload, cells, checks, () => undefined, undefined, observer(observations));
  return verdicts.map((verdict, i) => {
    const hidden = verdict.hidden ? " (hidden)" : "";
    return `exercise ${exercise.id}, check "${verdict.name}"${hidden}: ${formatFullValue(observations[i]?.got)}`;
  });
}
