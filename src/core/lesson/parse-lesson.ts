/**
 * `parseLesson(text)`: a lesson file (Markdown with YAML front matter and
 * fenced cells, format version 1, see lessons/README.md) to the lesson model
 * plus diagnostics with 1-based file lines. Pure; never throws.
 */
import { assembleLesson } from "./assemble";
import { buildCell } from "./cell-builder";
import { pushError, sortDiagnostics } from "./diagnostics";
import { scanFences, splitLines } from "./fences";
import { parseFrontMatter, splitFrontMatter } from "./front-matter";
import { classifyInfo } from "./info-string";
import { linkCells } from "./link-cells";
import type { Cell, Diagnostic, Lesson, ParseResult } from "./types";

/**
 * Parses a lesson file. `lesson` is null only when the front matter is
 * missing or unusable; otherwise it holds every valid cell, and invalid cells
 * are dropped with an error. Diagnostics are sorted by line.
 */
export function parseLesson(text: string): ParseResult {
  const diags: Diagnostic[] = [];
  try {
    const lesson = parseInto(typeof text === "string" ? text : "", diags);
    return { lesson, diagnostics: sortDiagnostics(diags) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    pushError(diags, 1, `internal error while parsing this lesson (${why}); please report it with the lesson file`);
    return { lesson: null, diagnostics: sortDiagnostics(diags) };
  }
}

function parseInto(text: string, diags: Diagnostic[]): Lesson | null {
  const lines = splitLines(text);
  const split = splitFrontMatter(lines, diags);
  const meta = split.yaml === null ? null : parseFrontMatter(split.yaml, split.yamlFirstLine, diags);
  const cells = linkCells(readBody(lines, split.bodyStart, diags), meta ? meta.datasets : null, diags);
  return meta ? assembleLesson(meta, cells) : null;
}

/** Reads the Markdown body from line index `start`: cells from fences, prose in between. */
function readBody(lines: readonly string[], start: number, diags: Diagnostic[]): Cell[] {
  const cells: Cell[] = [];
  let proseFrom = start;
  for (const fence of scanFences(lines, start, diags)) {
    const found = classifyInfo(fence.info);
    if (found.type === "code") continue; // an ordinary code example: part of the prose
    pushProse(lines, proseFrom, fence.open, cells);
    proseFrom = fence.close + 1;
    if (found.type === "error") {
      pushError(diags, fence.open + 1, found.message);
      continue;
    }
    if (!fence.closed) continue; // already reported by scanFences; its body runs to the end of the file
    const cell = buildCell(
      { fence, lang: found.lang, kind: found.kind, attrs: found.attrs, problems: found.problems },
      diags,
    );
    if (cell) cells.push(cell);
  }
  pushProse(lines, proseFrom, lines.length, cells);
  return cells;
}

/** Appends lines [from, to) as a prose cell, unless they are all blank. */
function pushProse(lines: readonly string[], from: number, to: number, cells: Cell[]): void {
  let first = from;
  let last = Math.min(to, lines.length) - 1;
  while (first <= last && lines[first].trim() === "") first++;
  while (last >= first && lines[last].trim() === "") last--;
  if (first > last) return;
  cells.push({ kind: "prose", line: first + 1, markdown: lines.slice(first, last + 1).join("\n") });
}
