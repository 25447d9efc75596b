/**
 * Builds a `ts diagnosis for=<exerciseId> id=<id>` cell: its body opens with a
 * `// message: ...` comment (continued on the `//` lines right after it), the
 * targeted message a learner reads, and the rest is the mistaken variant.
 */
import { pushError, pushWarning } from "./diagnostics";
import type { Diagnostic, DiagnosisCell } from "./types";

const MESSAGE_START = /^\s*\/\/\s*message:\s?(.*)$/;
const CONTINUATION = /^\s*\/\/\s?(.*)$/;

/** The message of a diagnosis body and the 0-based body line where its code starts; null when the body has none. */
export function readDiagnosisMessage(body: string): { message: string; codeFrom: number } | null {
  const lines = body.split("\n");
  let first = 0;
  while (first < lines.length && lines[first].trim() === "") first++;
  const start = MESSAGE_START.exec(lines[first] ?? "");
  if (!start) return null;
  const parts = [start[1].trim()];
  let i = first + 1;
  for (; i < lines.length; i++) {
    const more = CONTINUATION.exec(lines[i]);
    if (!more || MESSAGE_START.test(lines[i])) break;
    parts.push(more[1].trim());
  }
  return { message: parts.filter(Boolean).join(" "), codeFrom: i };
}

/**
 * The diagnosis cell, or null (reported) when its body does not open with a
 * non-empty `// message:` comment. `line` is the fence's line; `code` keeps
 * the whole body so error lines inside it count from its first line.
 */
export function buildDiagnosis(
  attrs: Record<string, string>,
  line: number,
  code: string,
  diags: Diagnostic[],
): DiagnosisCell | null {
  const what = `diagnosis '${attrs.id}' for '${attrs.for}'`;
  const read = readDiagnosisMessage(code);
  if (!read || read.message === "") {
    pushError(
      diags,
      line + 1,
      `${what}: the body must open with the learner's message, e.g. '// message: Your cost is twice the expected value: did you divide by 2m?'`,
    );
    return null;
  }
  if (!/\bexport\b/.test(code.split("\n").slice(read.codeFrom).join("\n"))) {
    pushWarning(
      diags,
      line + 1 + read.codeFrom,
      `${what}: the mistaken variant exports nothing; it must export the exercise's function(s), written the wrong way`,
    );
  }
  return { kind: "diagnosis", line, for: attrs.for, id: attrs.id, message: read.message, code };
}
