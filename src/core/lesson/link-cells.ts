/**
 * Rules across cells: unique ids, `for=` naming an exercise, one solution and
 * distinct hint tiers per exercise, experiments naming declared datasets and
 * existing tfjs cells. Offending cells are reported and dropped.
 */
import { pushError, pushWarning } from "./diagnostics";
import { formatDatasetRef, sameDatasetRef } from "./dataset-ref";
import type { Cell, DatasetRef, Diagnostic, ExperimentCell } from "./types";

type IdCell = Extract<Cell, { id: string }>;
type ForCell = Extract<Cell, { for: string }>;

/**
 * Returns the cells that pass every cross-cell rule, in file order, appending
 * diagnostics to `diags`. `datasets` are the front matter's datasets, or null
 * when the front matter is unusable (then dataset rules are skipped).
 */
export function linkCells(cells: readonly Cell[], datasets: readonly DatasetRef[] | null, diags: Diagnostic[]): Cell[] {
  const kept = dropDuplicateIds(cells, diags);
  const exercises = new Map(kept.filter((c) => c.kind === "exercise").map((c) => [c.id, c]));
  const byId = new Map(kept.filter(hasId).map((c) => [c.id, c]));
  const out: Cell[] = [];
  const solved = new Map<string, number>();
  const tiers = new Map<string, number>();
  for (const cell of kept) {
    if (hasFor(cell) && !forIsValid(cell, exercises, byId, diags)) continue;
    if (
      cell.kind === "solution" &&
      !firstTime(solved, cell.for, cell.line, `duplicate solution for '${cell.for}'`, diags)
    )
      continue;
    if (
      cell.kind === "hint" &&
      !firstTime(
        tiers,
        `${cell.for}\u0000${cell.tier}`,
        cell.line,
        `duplicate hint tier ${cell.tier} for '${cell.for}'`,
        diags,
      )
    )
      continue;
    if (cell.kind === "experiment" && !experimentIsValid(cell, byId, datasets, diags)) continue;
    out.push(cell);
  }
  warnIncompleteExercises(out, diags);
  return out;
}

function hasId(cell: Cell): cell is IdCell {
  return "id" in cell;
}

function hasFor(cell: Cell): cell is ForCell {
  return "for" in cell;
}

function dropDuplicateIds(cells: readonly Cell[], diags: Diagnostic[]): Cell[] {
  const first = new Map<string, IdCell>();
  return cells.filter((cell) => {
    if (!hasId(cell)) return true;
    const earlier = first.get(cell.id);
    if (!earlier) {
      first.set(cell.id, cell);
      return true;
    }
    pushError(
      diags,
      cell.line,
      `duplicate id '${cell.id}': the ${earlier.kind} cell on line ${earlier.line} already uses it`,
    );
    return false;
  });
}

function forIsValid(
  cell: ForCell,
  exercises: Map<string, Cell>,
  byId: Map<string, IdCell>,
  diags: Diagnostic[],
): boolean {
  if (exercises.has(cell.for)) return true;
  const other = byId.get(cell.for);
  const names = [...exercises.keys()].join(", ") || "none";
  const why = other
    ? `names the ${other.kind} cell on line ${other.line}, not an exercise`
    : `names no exercise in this file (exercises: ${names})`;
  pushError(diags, cell.line, `${cell.kind} for='${cell.for}' ${why}`);
  return false;
}

/** Records `key`; reports `message` (naming the first line) and returns false when it was seen before. */
function firstTime(
  seen: Map<string, number>,
  key: string,
  line: number,
  message: string,
  diags: Diagnostic[],
): boolean {
  const earlier = seen.get(key);
  if (earlier === undefined) {
    seen.set(key, line);
    return true;
  }
  pushError(diags, line, `${message} (the first is on line ${earlier})`);
  return false;
}

function experimentIsValid(
  cell: ExperimentCell,
  byId: Map<string, IdCell>,
  datasets: readonly DatasetRef[] | null,
  diags: Diagnostic[],
): boolean {
  const { spec } = cell;
  const what = `experiment '${cell.id}'`;
  let ok = true;
  if (datasets && !datasets.some((d) => sameDatasetRef(d, spec.dataset))) {
    const declared = datasets.map(formatDatasetRef).join(", ") || "none";
    pushError(
      diags,
      cell.line,
      `${what}: dataset ${formatDatasetRef(spec.dataset)} is not declared in the front matter 'datasets' (declared: ${declared})`,
    );
    ok = false;
  }
  const ref = byId.get(spec.reference);
  if (!ref || ref.kind !== "tfjs") {
    const why = ref ? `is a ${ref.kind} cell (line ${ref.line})` : "is not the id of any cell";
    pushError(diags, cell.line, `${what}: reference '${spec.reference}' ${why}; it must be the id of a 'ts tfjs' cell`);
    return false;
  }
  if (!exportsName(ref.code, spec.learner)) {
    pushWarning(
      diags,
      cell.line,
      `${what}: tfjs cell '${ref.id}' does not seem to export a function named '${spec.learner}'`,
    );
  }
  return ok;
}

function warnIncompleteExercises(cells: readonly Cell[], diags: Diagnostic[]): void {
  const learnerNames = new Map<string, ExperimentCell>();
  for (const cell of cells) if (cell.kind === "experiment") learnerNames.set(cell.spec.learner, cell);
  for (const cell of cells) {
    if (cell.kind !== "exercise") continue;
    if (!cells.some((c) => c.kind === "check" && c.for === cell.id)) {
      pushWarning(diags, cell.line, `exercise '${cell.id}' has no check: add a 'ts check for=${cell.id}' cell`);
    }
    if (!cells.some((c) => c.kind === "solution" && c.for === cell.id)) {
      pushWarning(diags, cell.line, `exercise '${cell.id}' has no solution: add a 'ts solution for=${cell.id}' cell`);
    }
  }
  for (const [name, exp] of learnerNames) {
    if (!cells.some((c) => c.kind === "exercise" && exportsName(c.code, name))) {
      pushWarning(
        diags,
        exp.line,
        `experiment '${exp.id}': no exercise cell seems to export a function named '${name}' (learner)`,
      );
    }
  }
}

/** Heuristic: does `code` export `name` (export function/const/let/var, or an export list)? */
export function exportsName(code: string, name: string): boolean {
  const n = name.replace(/\$/g, "\\$");
  const end = "(?![A-Za-z0-9_$])";
  const patterns = [
    `export\\s+(?:async\\s+)?function\\s*\\*?\\s*${n}${end}`,
    `export\\s+(?:const|let|var)\\s+${n}${end}`,
    `export\\s*\\{[^}]*(?<![A-Za-z0-9_$])${n}${end}[^}]*\\}`,
  ];
  return patterns.some((p) => new RegExp(p).test(code));
}
