/**
 * Finds where things that happen when a lesson runs come from in its file, so
 * instructor tools can report `file:line:` instead of "somewhere in the
 * lesson". Pure; lines are 1-based lines of the lesson file.
 */
import { DATASETS, findDataset } from "../ml/datasets-registry";
import type { DatasetRef, Diagnostic, Lesson } from "../lesson/types";

/** File line of body line `bodyLine` (1 = the line after the fence) of a cell whose opening fence is on `fenceLine`. */
export function bodyLineInFile(fenceLine: number, bodyLine: number | undefined): number {
  return bodyLine && bodyLine > 0 ? fenceLine + bodyLine : fenceLine;
}

/** The ways a check name can be written as a literal in check code. */
function literalForms(name: string): string[] {
  return [JSON.stringify(name), `'${name}'`, `\`${name}\``];
}

/**
 * Where the `check("<name>", ...)` (or `checkThat`) call that produced a
 * verdict named `name` is: the file line of the first check line of
 * `exerciseId` holding `name` as a string literal, and whether that check is
 * hidden. Undefined when the name is computed (e.g. a template with `${}`).
 */
export function checkCallLine(
  lesson: Lesson,
  exerciseId: string,
  name: string,
): { line: number; hidden: boolean } | undefined {
  const exercise = lesson.exercises.find((e) => e.id === exerciseId);
  for (const check of exercise?.checks ?? []) {
    const index = check.code.split("\n").findIndex((line) => literalForms(name).some((form) => line.includes(form)));
    if (index >= 0) return { line: bodyLineInFile(check.line, index + 1), hidden: check.hidden };
  }
  return undefined;
}

/** Line of the solution cell of an exercise, or undefined when it has none. */
export function solutionLine(lesson: Lesson, exerciseId: string): number | undefined {
  return lesson.cells.find((cell) => cell.kind === "solution" && cell.for === exerciseId)?.line;
}

/**
 * The file line that declares dataset `ref` in the front matter: the line
 * naming `id@version` (flow or block style), else the `datasets:` line, else 1.
 */
export function datasetDeclarationLine(text: string, ref: DatasetRef): number {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  const frontMatter = lines.slice(0, close < 0 ? lines.length : close);
  const pattern = new RegExp(`(^|[\\s\\[,"'-])${ref.id.replace(/[-]/g, "\\-")}@${ref.version}(?![0-9])`);
  const named = frontMatter.findIndex((line) => pattern.test(line));
  if (named >= 0) return named + 1;
  const field = frontMatter.findIndex((line) => /^datasets\s*:/.test(line));
  return field >= 0 ? field + 1 : 1;
}

/**
 * Errors for datasets the lesson declares that this app does not ship (not in
 * src/core/ml/datasets-registry.ts). A lesson file cannot bring its own data:
 * every dataset is verified against the registry's SHA-256.
 */
export function unknownDatasetDiagnostics(text: string, lesson: Lesson): Diagnostic[] {
  return lesson.meta.datasets
    .filter((ref) => !findDataset(ref.id, ref.version))
    .map((ref) => ({
      line: datasetDeclarationLine(text, ref),
      severity: "error" as const,
      message: `dataset ${ref.id}@${ref.version} is not in this app's dataset registry (src/core/ml/datasets-registry.ts); add it there with its data card and SHA-256 (see lessons/README.md, Datasets), or use one of: ${knownDatasets()}`,
    }));
}

function knownDatasets(): string {
  return DATASETS.map((d) => `${d.id}@${d.version}`).join(", ") || "none";
}
