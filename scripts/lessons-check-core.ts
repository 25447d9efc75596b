/**
 * The logic of `npm run lessons:check`, apart from the file system and the
 * process: which files to check, the report lines (`file:line: severity:
 * message`, then a summary per lesson) and the exit code. Pure apart from the
 * injected `verify` and `readText`, so tests can drive it with fixtures.
 */
import type { DatasetEntry } from "../src/core/ml/dataset-types";
import type { ExperimentTaskDefinition } from "../src/core/experiments/task-types";
import type { LessonProblem, LessonReport } from "../src/core/verification/verify-lesson";

/** What checking needs from the outside world. */
export interface CheckDeps {
  /** Reads a lesson file by its repo-relative path; rejects when it cannot. */
  readText(file: string): Promise<string>;
  /** Verifies one lesson text (in the CLI: `verifyLesson` with datasets from public/datasets/). */
  verify(text: string): Promise<LessonReport>;
}

/** The outcome of a run: the lines to print and the process exit code (0 = no errors). */
export interface CheckOutcome {
  lines: string[];
  exitCode: number;
  errors: number;
  warnings: number;
}

/** Lesson files of the lessons folder, as `readdir` lists them: `[0-9]*.md`, sorted. */
export function defaultLessonFiles(lessonsDir: string, names: readonly string[]): string[] {
  return names
    .filter((name) => /^[0-9].*\.md$/.test(name))
    .sort()
    .map((name) => `${lessonsDir}/${name}`);
}

/** One problem in the format editors and CI annotate: `lessons/02-x.md:14: error: message`. */
export function formatProblem(file: string, problem: LessonProblem): string {
  return `${file}:${problem.line}: ${problem.severity}: ${problem.message}`;
}

/** The lines for one lesson: its problems (by line), then what passed, indented. */
export function formatLessonReport(file: string, report: LessonReport): string[] {
  const problems = [...report.problems].sort((a, b) => a.line - b.line).map((p) => formatProblem(file, p));
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const verdict = errors > 0 ? `FAILED (${plural(errors, "error")})` : "ok";
  const heading = `${file}${report.lessonId ? ` (${report.lessonId})` : ""}: ${verdict}`;
  const values = (report.values ?? []).map((line) => `  = ${line}`);
  return [heading, ...report.passedSteps.map((step) => `  ✓ ${step}`), ...values, ...problems];
}

/** Checks every file in order and returns the full report and exit code. Never rejects. */
export async function checkLessonFiles(files: readonly string[], deps: CheckDeps): Promise<CheckOutcome> {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  if (files.length === 0) {
    return {
      lines: ["lessons:check: no lesson files to check (expected lessons/[0-9]*.md)"],
      exitCode: 1,
      errors: 1,
      warnings: 0,
    };
  }
  for (const file of files) {
    const report = await reportFor(file, deps);
    errors += report.problems.filter((p) => p.severity === "error").length;
    warnings += report.problems.filter((p) => p.severity === "warning").length;
    lines.push(...formatLessonReport(file, report));
  }
  lines.push(`Checked ${plural(files.length, "lesson")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
  return { lines, exitCode: errors > 0 ? 1 : 0, errors, warnings };
}

async function reportFor(file: string, deps: CheckDeps): Promise<LessonReport> {
  let text: string;
  try {
    text = await deps.readText(file);
  } catch (error) {
    return {
      lessonId: null,
      passedSteps: [],
      problems: [{ line: 1, severity: "error", message: `cannot read the file: ${(error as Error).message}` }],
    };
  }
  try {
    return await deps.verify(text);
  } catch (error) {
    return {
      lessonId: null,
      passedSteps: [],
      problems: [
        {
          line: 1,
          severity: "error",
          message: `internal error while checking this lesson: ${(error as Error).stack ?? error}`,
        },
      ],
    };
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `--tasks`: every experiment task a lesson's `task:` may name, from the registry, so the list never goes stale. */
export function formatTasks(
  tasks: readonly Pick<ExperimentTaskDefinition, "id" | "description" | "requiredParams">[],
): string[] {
  return tasks.flatMap((task) => [
    `${task.id}`,
    `  ${task.description}`,
    `  params: ${task.requiredParams.join(", ") || "none"}`,
  ]);
}

/** `--datasets`: every dataset a lesson may declare, as `id@version`, from the registry. */
export function formatDatasets(
  datasets: readonly Pick<DatasetEntry, "id" | "version" | "file" | "rows" | "columns" | "description">[],
): string[] {
  return datasets.flatMap((d) => [
    `${d.id}@${d.version}  (public/datasets/${d.file}, ${d.rows} rows: ${d.columns.join(", ")})`,
    `  ${d.description}`,
  ]);
}

/** Usage text of the CLI. */
export const USAGE = `Usage: npm run lessons:check [lesson files...]

Checks lesson files the way the app and CI do: the file parses with no
errors, its datasets are in the registry with matching SHA-256, every
solution passes its checks, every starter fails at least one, and every
experiment runs on the CPU backend. Without arguments it checks every
lessons/[0-9]*.md. Problems print as file:line: severity: message; the exit
code is 1 when there is any error (warnings do not fail).

  --print-values  also print every check's actual value on the solution
               (hidden checks too), to fill in expected values
  --tasks      list the experiment tasks (src/core/experiments/registry.ts)
  --datasets   list the datasets (src/core/ml/datasets-registry.ts)
  -h, --help   show this text

Pass options after --, e.g. npm run lessons:check -- --tasks`;
