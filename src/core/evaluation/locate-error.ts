/**
 * Maps a thrown value to the cell and line it came from. Cells are evaluated
 * with a `//# sourceURL=lesson-cell/<id>.ts` comment so stack frames name them.
 */
import type { CellError } from "./types";

const FRAME = /lesson-cell\/([^:\s)]+)\.ts:(\d+):(\d+)/;

/** The sourceURL comment that makes stack frames of a cell recognisable. */
export function sourceUrlComment(cellId: string): string {
  return `\n//# sourceURL=lesson-cell/${cellId}.ts`;
}

/**
 * `new Function` puts a header before the body, so engines report body line 1
 * as some later line. We measure that offset once instead of assuming V8's 2.
 */
const FUNCTION_LINE_OFFSET = measureLineOffset();

function measureLineOffset(): number {
  try {
    new Function(`throw new Error("probe");${sourceUrlComment("probe")}`)();
  } catch (error) {
    const match = FRAME.exec(String((error as Error).stack ?? ""));
    if (match) return Number(match[2]) - 1;
  }
  return 2;
}

/** Message of any thrown value: `TypeError: x is not a function`. */
export function errorMessage(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return `Uncaught ${typeof thrown === "string" ? thrown : (JSON.stringify(thrown) ?? String(thrown))}`;
}

/**
 * Finds the innermost stack frame that belongs to a lesson cell and returns the
 * error attributed to it (line and column 1-based within the cell). Falls back to
 * `fallbackCellId` without a line when no frame matches.
 */
export function locateRuntimeError(thrown: unknown, fallbackCellId: string): CellError {
  const stack = thrown instanceof Error ? String(thrown.stack ?? "") : "";
  const match = FRAME.exec(stack);
  const message = errorMessage(thrown);
  if (!match) return { cellId: fallbackCellId, phase: "runtime", message };
  return {
    cellId: match[1],
    phase: "runtime",
    message,
    line: Math.max(1, Number(match[2]) - FUNCTION_LINE_OFFSET),
    column: Number(match[3]),
  };
}
