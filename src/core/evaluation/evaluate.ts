/**
 * Evaluates lesson cells in order from a clean state. Module cells (setup,
 * exercises, tfjs references) run as CommonJS bodies; their exports can be
 * imported by later cells as `./<cellId>` and are in scope of check cells.
 * Runs in the kernel worker (each cell in its own SES Compartment, see
 * src/kernel/compartment.ts) and in Node (lesson checker, golden tests).
 *
 * Check cells never see learner values directly: each cell's exports are
 * snapshotted as plain data when the cell finishes, and learner functions are
 * wrapped so that what they return is copied to plain data (plain-data.ts).
 * While a hidden check runs, console output and plots are withheld, and its
 * errors name only what the learner's own code threw.
 */
import { createCheckRecorder, type CheckObserver } from "../grading/check-recorder";
import { formatValue } from "../grading/compare";
import { toPlainData } from "../grading/plain-data";
import type { CheckVerdict } from "../grading/types";
import { locateRuntimeError, sourceUrlComment } from "./locate-error";
import { explainScopeError, scopedExports } from "./scoping";
import type { CellError, CheckSource, SourceCell } from "./types";
import { transpileCell } from "./transpile";

/** How cell code becomes a function, and how objects shared with cells are made tamper-proof. */
export interface EvaluationRealm {
  /**
   * A function with `params` whose body is `body`; called once per cell evaluation.
   * `globals` are what code built inside the cell (with its `Function`) may also see.
   */
  compile(
    cellId: string,
    params: readonly string[],
    body: string,
    globals?: Record<string, unknown>,
  ): (...args: unknown[]) => unknown;
  /** Makes a value shared with cells (the lesson module, check helpers, consoles) immutable; returns it. */
  harden<T>(value: T): T;
}

/**
 * Node tools' realm: `new Function` in the tool's own realm, with deep-frozen
 * shared objects. It isolates nothing; the kernel worker uses an SES realm.
 */
export const TOOL_REALM: EvaluationRealm = {
  compile: (_cellId, params, body) => new Function(...params, body) as (...args: unknown[]) => unknown,
  harden: deepFreeze,
};

function deepFreeze<T>(value: T): T {
  const seen = new Set<unknown>();
  const visit = (current: unknown) => {
    if ((typeof current !== "object" && typeof current !== "function") || current === null || seen.has(current)) return;
    seen.add(current);
    Object.freeze(current);
    for (const key of Reflect.ownKeys(current)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(current, key);
      if (descriptor && "value" in descriptor) visit(descriptor.value);
    }
  };
  visit(value);
  return value;
}

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
  /** False while a hidden check runs: what is drawn or printed then is not shown to the learner. */
  showsOutput(): boolean;
}

export interface EvaluatorOptions {
  /** Bare modules learner code may import, e.g. `{ lesson: learnerApi }`. */
  modules: Record<string, unknown>;
  onOutput: OutputSink;
  /** Lines of console output kept per run before the rest is dropped. */
  maxOutputLines?: number;
  /** Characters kept of one console line (default 10,000). */
  maxLineLength?: number;
  /** Where cells are evaluated; default TOOL_REALM. */
  realm?: EvaluationRealm;
}

/** Said once per run when output printed during hidden checks is withheld. */
export const HIDDEN_OUTPUT_NOTE = "(output printed while hidden checks run is not shown)";

/** The `require` of each cell: the bare modules, and earlier cells' exports as `./<cellId>`. */
function requireFactory(
  modules: Record<string, unknown>,
  cellExports: Map<string, Record<string, unknown>>,
): (cellId: string) => (specifier: string) => unknown {
  return (cellId) => (specifier) => {
    if (Object.prototype.hasOwnProperty.call(modules, specifier)) return modules[specifier];
    const local = /^\.\/(.+?)(\.ts)?$/.exec(specifier);
    const found = local ? cellExports.get(local[1]) : undefined;
    if (found && local) return scopedExports(local[1], found, cellId);
    const fix = cellExports.has(specifier) ? `; write "./${specifier}"` : "";
    throw new Error(
      `Cannot import "${specifier}" in cell ${cellId}: only "lesson" and earlier cells (./<cellId>) can be imported${fix}`,
    );
  };
}

/** A sink that passes output on, except while `hidden` is set: then it says once that output is withheld. */
function withholdingSink(onOutput: OutputSink): { sink: OutputSink; hidden: boolean } {
  let noted = false;
  const state = {
    hidden: false,
    sink: ((cellId, level, text) => {
      if (!state.hidden) return onOutput(cellId, level, text);
      if (noted) return;
      noted = true;
      onOutput(cellId, "warn", HIDDEN_OUTPUT_NOTE);
    }) as OutputSink,
  };
  return state;
}

/**
 * The `structuredClone` cells get: a deep copy of plain data (arrays, typed
 * arrays, plain objects, primitives) made by grading's own copier, so no host
 * API enters a compartment. Like the browser's, it throws on functions.
 */
function structuredCloneOfData(value: unknown): unknown {
  return toPlainData(value);
}

/** Creates an evaluator with no cells evaluated yet. */
export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const realm = options.realm ?? TOOL_REALM;
  const cellExports = new Map<string, Record<string, unknown>>();
  /** Each cell's exports as they were when it finished, as checks see them. */
  const snapshots = new Map<string, Record<string, unknown>>();
  let current = "";
  const output = withholdingSink(options.onOutput);
  const consoleFor = createConsoleFactory(
    output.sink,
    options.maxOutputLines ?? 1000,
    options.maxLineLength ?? 10_000,
    realm,
  );
  const cloneData = realm.harden(structuredCloneOfData);
  Object.values(options.modules).forEach((module) => realm.harden(module));
  const exportedBy = (name: string) => [...cellExports].find(([, exports]) => name in exports)?.[0];

  const requireFrom = requireFactory(options.modules, cellExports);

  return {
    runModule(cell) {
      current = cell.id;
      const compiled = transpileCell(cell.id, cell.code);
      if (!compiled.ok) return compiled;
      const exports: Record<string, unknown> = {};
      const cellConsole = consoleFor(cell.id);
      try {
        const body = realm.compile(
          cell.id,
          ["require", "exports", "module", "console"],
          compiled.js + sourceUrlComment(cell.id),
          { console: cellConsole, structuredClone: cloneData },
        );
        body(requireFrom(cell.id), exports, { exports }, cellConsole);
      } catch (thrown) {
        return { ok: false, error: explainScopeError(locateRuntimeError(thrown, cell.id), exportedBy, false) };
      }
      cellExports.set(cell.id, exports);
      snapshots.set(
        cell.id,
        snapshotExports(exports, (line) => output.sink(cell.id, "warn", line)),
      );
      return { ok: true, exports };
    },
    runChecks(checks, observe) {
      const recorder = createCheckRecorder(observe);
      const errors: CellError[] = [];
      checks.forEach((check, index) => {
        current = check.id;
        output.hidden = check.hidden;
        let failure: CellError | null;
        try {
          failure = runCheckCell(check, {
            scope: mergedScope(snapshots),
            helpers: realm.harden(recorder.helpersFor(check.hidden)),
            require: requireFrom(check.id),
            console: consoleFor(check.id),
            clone: cloneData,
            realm,
          });
        } finally {
          output.hidden = false;
        }
        if (!failure) return;
        const explained = explainScopeError(failure, exportedBy, failure.cellId === check.id);
        // Explained first: a hidden check's own error is then replaced whole, names and all.
        failure = check.hidden ? redactHiddenFailure(explained, check.id) : explained;
        errors.push(failure);
        const where = failure.line ? ` (cell ${failure.cellId}, line ${failure.line})` : "";
        recorder.fail(`check ${index + 1} could not finish`, `${failure.message}${where}`, check.hidden);
      });
      return { verdicts: recorder.verdicts(), errors };
    },
    exportsOf: (cellId) => cellExports.get(cellId),
    currentCellId: () => current,
    showsOutput: () => !output.hidden,
  };
}

/**
 * A hidden check's own errors could quote its code ("expectedTheta is not
 * defined"): keep the message only when the innermost frame is in a learner
 * or setup cell, whose code the learner can read anyway.
 */
function redactHiddenFailure(failure: CellError, checkId: string): CellError {
  if (failure.cellId !== checkId) return failure;
  const name = /^[A-Za-z]*Error\b/.exec(failure.message)?.[0] ?? "an error";
  return { cellId: checkId, phase: failure.phase, message: `the hidden check stopped with ${name}` };
}

/** Wraps a learner function so that its result reaches checks only as plain data (a promise of it when async). */
function guardFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  const plain = (value: unknown) => toPlainData(value, { wrapFunction: guardFunction });
  return function guarded(...args: unknown[]): unknown {
    const result = Reflect.apply(fn, undefined, args);
    if (!(result instanceof Promise)) return plain(result);
    // A fresh promise settled only by these reactions, whatever `result.constructor` claims.
    return new Promise((resolve, reject) => {
      Promise.prototype.then.call(
        result,
        (value: unknown) => {
          try {
            resolve(plain(value));
          } catch (error) {
            reject(error);
          }
        },
        reject,
      );
    });
  };
}

/** A cell's exports as checks will see them; exports that are not plain data are left out, with a warning. */
function snapshotExports(exports: Record<string, unknown>, warn: (line: string) => void): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const key of Object.keys(exports)) {
    if (key === "__esModule") continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(exports, key);
    try {
      if (!descriptor || !("value" in descriptor)) throw new Error(`${key} is a getter`);
      snapshot[key] = toPlainData(descriptor.value, { wrapFunction: guardFunction });
    } catch (error) {
      warn(`Checks cannot use the export ${key}: ${(error as Error).message}`);
    }
  }
  return snapshot;
}

/** Every cell's snapshot merged (later cells win), as fresh copies for one check cell. */
function mergedScope(snapshots: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const snapshot of snapshots.values()) {
    for (const [key, value] of Object.entries(snapshot)) scope[key] = toPlainData(value, { wrapFunction: (f) => f });
  }
  return scope;
}

interface CheckCellContext {
  scope: Record<string, unknown>;
  /** The cell's `structuredClone`. */
  clone: (value: unknown) => unknown;
  helpers: object;
  require: (specifier: string) => unknown;
  console: Console;
  realm: EvaluationRealm;
}

function runCheckCell(check: CheckSource, context: CheckCellContext): CellError | null {
  const compiled = transpileCell(check.id, check.code);
  if (!compiled.ok) return compiled.error;
  const { scope, helpers } = context;
  const names = Object.keys({ ...scope, ...helpers });
  const values = names.map((name) => (name in helpers ? (helpers as Record<string, unknown>)[name] : scope[name]));
  try {
    const body = context.realm.compile(
      check.id,
      [...names, "require", "exports", "console"],
      compiled.js + sourceUrlComment(check.id),
      { console: context.console, structuredClone: context.clone },
    );
    body(...values, context.require, {}, context.console);
    return null;
  } catch (thrown) {
    return locateRuntimeError(thrown, check.id);
  }
}

function createConsoleFactory(
  sink: OutputSink,
  maxLines: number,
  maxLineLength: number,
  realm: EvaluationRealm,
): (cellId: string) => Console {
  let lines = 0;
  const clip = (text: string) =>
    text.length > maxLineLength
      ? `${text.slice(0, maxLineLength)}… (${text.length - maxLineLength} more characters not shown)`
      : text;
  const show = (arg: unknown) => clip(typeof arg === "string" ? arg : formatValue(arg));
  const emit = (cellId: string, level: OutputLevel, args: unknown[]) => {
    lines += 1;
    if (lines === maxLines + 1) sink(cellId, "warn", `… output truncated after ${maxLines} lines`);
    if (lines > maxLines) return;
    sink(cellId, level, clip(args.map(show).join(" ")));
  };
  return (cellId) =>
    realm.harden({
      log: (...args: unknown[]) => emit(cellId, "log", args),
      info: (...args: unknown[]) => emit(cellId, "log", args),
      debug: (...args: unknown[]) => emit(cellId, "log", args),
      warn: (...args: unknown[]) => emit(cellId, "warn", args),
      error: (...args: unknown[]) => emit(cellId, "error", args),
    }) as unknown as Console;
}
