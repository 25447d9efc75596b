/**
 * Finds fenced code blocks (``` or ~~~, three or more, indented at most three
 * spaces) in the lines of a lesson file, following CommonMark's fence rules.
 */
import { pushError } from "./diagnostics";
import type { Diagnostic } from "./types";

/** One fenced block. Indices are 0-based into the file's lines; the file line is index + 1. */
export interface Fence {
  /** Index of the opening fence line. */
  open: number;
  /** Index of the closing fence line, or `lines.length` when the fence is never closed. */
  close: number;
  closed: boolean;
  /** The fence marker, e.g. "```" or "~~~~". */
  marker: string;
  /** The info string after the marker, trimmed (e.g. `ts exercise id=computeCost`). */
  info: string;
  /** The lines between the fences, the opening fence's indentation removed, trailing blank lines dropped, no trailing newline. */
  body: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** Splits text into lines, accepting \n, \r\n and \r line ends and dropping a leading byte-order mark. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/**
 * Scans `lines` from index `start` and returns every fence in order. A fence
 * that is never closed runs to the end of the file, as in Markdown; an error is
 * appended to `diags` at its opening line.
 */
export function scanFences(lines: readonly string[], start: number, diags: Diagnostic[]): Fence[] {
  const fences: Fence[] = [];
  let i = start;
  while (i < lines.length) {
    const open = matchOpening(lines[i]);
    if (!open) {
      i++;
      continue;
    }
    const close = findClosing(lines, i + 1, open.marker);
    const closed = close < lines.length;
    if (!closed) {
      const ch = open.marker[0];
      pushError(
        diags,
        i + 1,
        `unclosed ${open.marker} fence: add a line of at least ${open.marker.length} '${ch}' after the block's last line`,
      );
    }
    const body = stripIndent(lines.slice(i + 1, close), open.indent);
    fences.push({ open: i, close, closed, marker: open.marker, info: open.info, body });
    i = close + 1;
  }
  return fences;
}

function matchOpening(line: string): { indent: number; marker: string; info: string } | null {
  const m = OPENING.exec(line);
  if (!m) return null;
  const marker = m[2];
  const info = m[3].trim();
  // CommonMark: a backtick fence's info string may not contain backticks (that is inline code).
  if (marker[0] === "`" && info.includes("`")) return null;
  return { indent: m[1].length, marker, info };
}

function findClosing(lines: readonly string[], from: number, marker: string): number {
  for (let j = from; j < lines.length; j++) {
    const m = CLOSING.exec(lines[j]);
    if (m && m[1][0] === marker[0] && m[1].length >= marker.length) return j;
  }
  return lines.length;
}

function stripIndent(body: readonly string[], indent: number): string {
  const out = body.map((l) => {
    let n = 0;
    while (n < indent && l[n] === " ") n++;
    return l.slice(n);
  });
  while (out.length > 0 && out[out.length - 1].trim() === "") out.pop();
  return out.join("\n");
}
