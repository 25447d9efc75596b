/**
 * Bounds on a lesson file, applied before any parsing by both `Open lesson
 * file` and `lessons:check` (they share `inspectLessonFile`). A lesson is a
 * few hundred lines with shallow YAML; beyond these it is almost surely the
 * wrong file or a hostile one, and parsing it could freeze the page. Pure.
 */

/** Most characters a lesson file may have. */
export const MAX_LESSON_FILE_CHARS = 1_000_000;

/** Most bytes a lesson file may have, checked before reading it: the UTF-8 size of `MAX_LESSON_FILE_CHARS` at worst. */
export const MAX_LESSON_FILE_BYTES = 4 * MAX_LESSON_FILE_CHARS;

/**
 * Deepest nesting of a YAML fragment (front matter, experiment body). Real
 * lessons nest 3 levels; the `yaml` parser recurses per level, and a
 * 100,000-deep fragment took about a second to parse.
 */
export const MAX_YAML_DEPTH = 32;

/** Why a file of `bytes` bytes is refused before reading it, or null when it may be read. */
export function lessonFileSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_LESSON_FILE_BYTES) return null;
  return `this file has ${bytes} bytes, more than a lesson file may have (${MAX_LESSON_FILE_BYTES}); is it the right file?`;
}

/**
 * An upper bound of the nesting depth of a YAML text, found without parsing
 * it: block nesting (one level per deeper indentation, one per `- ` or `? `
 * at the start of a line) plus the deepest flow nesting (`[`, `{` outside
 * quoted scalars and comments). Linear in the text's length; never throws.
 */
export function yamlDepthBound(text: string): number {
  let block = 0;
  const indents: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    const indent = line.length - line.trimStart().length;
    const content = line.slice(indent);
    if (content === "" || content.startsWith("#")) continue;
    while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
    indents.push(indent);
    const markers = /^(?:[-?](?:\s+|$))*/.exec(content)![0];
    block = Math.max(block, indents.length + (markers.match(/[-?]/g) ?? []).length);
  }
  return block + flowDepth(text);
}

/** Characters after which a quote opens a quoted scalar (elsewhere, as in `it's`, it is plain text). */
const BEFORE_QUOTE = new Set([" ", "\t", "\n", ":", ",", "[", "{", "-", "?"]);

/** Deepest `[`/`{` nesting of `text` outside quoted scalars and comments. */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      continue;
    }
    const before = i === 0 ? "\n" : text[i - 1];
    if ((c === '"' || c === "'") && BEFORE_QUOTE.has(before)) quote = c;
    else if (c === "#" && /\s/.test(before)) i = skipToLineEnd(text, i);
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return max;
}

function skipToLineEnd(text: string, i: number): number {
  const end = text.indexOf("\n", i);
  return end < 0 ? text.length : end - 1;
}
