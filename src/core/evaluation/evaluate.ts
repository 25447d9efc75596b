/**
 * Evaluates lesson cells in order from a clean state. Module cells (setup,
 * exercises, tfjs references) run as CommonJS bodies; their exports can be
 * imported by later cells as `./<cellId>` and are in scope of check cells.
 * Runs in the kernel worker and in Node (lesson checker, golden tests).
 */
import { createCheckRecorder, type CheckObserver } from "../grading/check-recorder";
import { formatValue } from "../grading/compare";
import type { CheckVerdict } from "../grading/types";
import { locateRuntimeError, sourceUrlComment } from "./locate-error";
import { explainScopeError, scopedExports } from "./scoping";
import type { CellError, CheckSource, SourceCell } from "./types";
import { transpileCell } from "./transpile";

export type OutputLevel = "log" | "warn" | "error";
export type OutputSink = (cellId: string, level: OutputLevel, text: string) => void;

export type CellOutcome = { ok: true; exports: Record<string, unknown> } | { ok: false; error: CellError };

export interface Evaluator {
  /** Evaluates a module cell; on success its exports become importable as `./<id>`. */
  runModule(cell: SourceCell): CellOutcome;
  /** Runs check cells with every module export in scope; errors become failed verdicts. `observe` sees raw values. */
  runChecks(checks: readonly CheckSource[], observe?: CheckObserver): { verdicts: CheckVerdict[]; errors: CellError[] };
  /** The exports of one evaluated cell, or undefined. */
  exportsOf(cellId: string): Record<string, unknown> | undefined;
  /** Id of the cell or check being evaluated now (or last). */
  currentCellId(): string;
}

export interface EvaluatorOptions {
  /** Bare modules learner code may import, e.g. `{ lesson: learnerApi }`. */
  modules: Record<string, unknown>;
  onOutput: OutputSink;
  /** Lines of console output kept per run before the rest is dropped. */
  maxOutputLines?: number;
}

/** Creates an evaluator with no cells evaluated yet. */
export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const cellExports = new Map<string, Record<string, unknown>>();
  let current = "";
  const consoleFor = createConsoleFactory(options.onOutput, options.maxOutputLines ?? 1000);
  const exportedBy = (name: string) => [...cellExports].find(([, exports]) => name in exports)?.[0];

  const requireFrom =
    (cellId: string) =>
    (specifier: string): unknown => {
      if (Object.prototype.hasOwnProperty.call(options.modules, specifier)) return options.modules[specifier];
      const local = /^\.\/(.+?)(\.ts)?$/.exec(specifier);
      const found = local ? cellExports.get(local[1]) : undefined;
      if (found && local) return scopedExports(local[1], found, cellId);
      const fix = cellExports.has(specifier) ? `; write "./${specifier}"` : "";
      throw new Error(
        `Cannot import "${specifier}" in cell ${cellId}: only "lesson" and earlier cells (./<cellId>) can be imported${fix}`,
      );
    };

  return {
    runModule(cell) {
      current = cell.id;
      const compiled = transpileCell(cell.id, cell.code);
      if (!compiled.ok) return compiled;
      const exports: Record<string, unknown> = {};
      try {
        const body = new Function("require", "exports", "module", "console", compiled.js + sourceUrlComment(cell.id));
        body(requireFrom(cell.id), exports, { exports }, consoleFor(cell.id));
      } catch (thrown) {
        return { ok: false, error: explainScopeError(locateRuntimeError(thrown, cell.id), exportedBy, false) };
      }
      cellExports.set(cell.id, exports);
      return { ok: true, exports };
    },
    runChecks(checks, observe) {
      const recorder = createCheckRecorder(observe);
      const errors: CellError[] = [];
      const scope = mergedScope(cellExports);
      checks.forEach((check, index) => {
        current = check.id;
        const failure = runCheckCell(
          check,
          scope,
          recorder.helpersFor(check.hidden),
          requireFrom(check.id),
          consoleFor(check.id),
        );
        if (!failure) return;
        const explained = explainScopeError(failure, exportedBy, failure.cellId === check.id);
        errors.push(explained);
        const where = explained.line ? ` (cell ${explained.cellId}, line ${explained.line})` : "";
        recorder.fail(`check ${index + 1} could not finish`, `${explained.message}${where}`, check.hidden);
      });
      return { verdicts: recorder.verdicts(), errors };
    },
    exportsOf: (cellId) => cellExports.get(cellId),
    currentCellId: () => current,
  };
}

function mergedScope(cellExports: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const exports of cellExports.values()) Object.assign(scope, exports);
  delete scope.__esModule;
  return scope;
}

function runCheckCell(
  check: CheckSource,
  scope: Record<string, unknown>,
  helpers: object,
  require: (specifier: string) => unknown,
  cellConsole: Console,
): CellError | null {
  const compiled = transpileCell(check.id, check.code);
  if (!compiled.ok) return compiled.error;
  const names = Object.keys({ ...scope, ...helpers });
  const values = names.map((name) => (name in helpers ? (helpers as Record<string, unknown>)[name] : scope[name]));
  try {
    const body = new Function(...names, "require", "exports", "console", compiled.js + sourceUrlComment(check.id));
    body(...values, require, {}, cellConsole);
    return null;
  } catch (thrown) {
    return locateRuntimeError(thrown, check.id);
  }
}

function createConsoleFactory(sink: OutputSink, maxLines: number): (cellId: string) => Console {
  let lines = 0;
  const emit = (cellId: string, level: OutputLevel, args: unknown[]) => {
    lines += 1;
    if (lines === maxLines + 1) sink(cellId, "warn", `… output truncated after ${maxLines} lines`);
    if (lines > maxLines) return;
    sink(cellId, level, args.map((arg) => (typeof arg === "string" ? arg : formatValue(arg))).join(" "));
  };
  return (cellId) =>
    ({
      log: (...args: unknown[]) => emit(cellId, "log", args),
      info: (...args: unknown[]) => emit(cellId, "log", args),
      debug: (...args: unknown[]) => emit(cellId, "log", args),
      warn: (...args: unknown[]) => emit(cellId, "warn", args),
      error: (...args: unknown[]) => emit(cellId, "error", args),
    }) as unknown as Console;
}
