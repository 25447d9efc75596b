/** Groups validated cells into the `Lesson` model the app renders and runs. */
import type {
  Cell,
  CheckCell,
  DiagnosisCell,
  ExerciseCell,
  Exercise,
  ExperimentCell,
  HintCell,
  Lesson,
  LessonMeta,
  ReferenceCell,
  SetupCell,
  SolutionCell,
} from "./types";

/**
 * Builds the lesson from its metadata and cells that already passed every
 * rule (see link-cells.ts). Pure; `cells` is not modified and keeps file order.
 */
export function assembleLesson(meta: LessonMeta, cells: readonly Cell[]): Lesson {
  return {
    meta,
    cells: [...cells],
    exercises: cells.filter((c): c is ExerciseCell => c.kind === "exercise").map((ex) => groupExercise(ex, cells)),
    setup: cells.filter((c): c is SetupCell => c.kind === "setup"),
    references: cells.filter((c): c is ReferenceCell => c.kind === "tfjs"),
    experiments: cells.filter((c): c is ExperimentCell => c.kind === "experiment"),
  };
}

/** The exercise with its solution, checks (file order) and hints (by tier, then file order). */
function groupExercise(ex: ExerciseCell, cells: readonly Cell[]): Exercise {
  const solution = cells.find((c): c is SolutionCell => c.kind === "solution" && c.for === ex.id);
  const checks = cells.filter((c): c is CheckCell => c.kind === "check" && c.for === ex.id);
  const hints = cells
    .filter((c): c is HintCell => c.kind === "hint" && c.for === ex.id)
    .sort((a, b) => a.tier - b.tier || a.line - b.line);
  return {
    id: ex.id,
    ...(ex.title !== undefined ? { title: ex.title } : {}),
    line: ex.line,
    starter: ex.code,
    ...(solution ? { solution: solution.code } : {}),
    checks,
    hints,
    diagnoses: cells.filter((c): c is DiagnosisCell => c.kind === "diagnosis" && c.for === ex.id),
  };
}
