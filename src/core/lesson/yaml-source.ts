/**
 * Parses a YAML fragment of a lesson file (the front matter or an experiment
 * body) and maps every YAML position back to a 1-based line of the file.
 */
import { isCollection, LineCounter, parseDocument, type Document } from "yaml";
import { pushError, pushWarning } from "./diagnostics";
import { MAX_YAML_DEPTH, yamlDepthBound } from "./lesson-file-limits";
import type { Diagnostic } from "./types";

/** A parsed YAML fragment: its plain JS value and a way to find where a key path sits in the file. */
export interface YamlSource {
  /** The fragment as plain JS data (`undefined` for an empty fragment). */
  value: unknown;
  /**
   * File line of the node at `path` (e.g. `["split", "test"]`); falls back to the
   * nearest existing ancestor, and to `fallbackLine` when nothing matches.
   */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parses `text`, whose first line is file line `firstLine`, unless it nests
 * deeper than `MAX_YAML_DEPTH` (refused unparsed). YAML errors and
 * warnings are appended to `diags` (prefixed with `what`, e.g. "front matter"),
 * with file lines. Returns null when the YAML has errors. Never throws.
 */
export function parseYamlAt(
  text: string,
  firstLine: number,
  fallbackLine: number,
  what: string,
  diags: Diagnostic[],
): YamlSource | null {
  const depth = yamlDepthBound(text);
  if (depth > MAX_YAML_DEPTH) {
    const message = `${what} nests about ${depth} levels deep, more than a lesson may (${MAX_YAML_DEPTH}); it was not parsed`;
    pushError(diags, firstLine, message);
    return null;
  }
  const counter = new LineCounter();
  const toFileLine = (offset: number): number => firstLine + counter.linePos(offset).line - 1;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  } catch (e) {
    pushError(diags, fallbackLine, `invalid YAML in ${what}: ${errorText(e)}`);
    return null;
  }
  for (const w of doc.warnings) pushWarning(diags, toFileLine(w.pos[0]), `YAML in ${what}: ${firstLineOf(w.message)}`);
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      pushError(diags, toFileLine(err.pos[0]), `invalid YAML in ${what}: ${firstLineOf(err.message)}`);
    }
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    pushError(diags, fallbackLine, `invalid YAML in ${what}: ${errorText(e)}`);
    return null;
  }
  return { value, lineOf: (path) => lineOfPath(doc, path, toFileLine, fallbackLine) };
}

function lineOfPath(
  doc: Document.Parsed,
  path: readonly PropertyKey[],
  toFileLine: (offset: number) => number,
  fallbackLine: number,
): number {
  for (let n = path.length; n > 0; n--) {
    const offset = nodeOffset(doc, path.slice(0, n));
    if (offset !== undefined) return toFileLine(offset);
  }
  return fallbackLine;
}

function nodeOffset(doc: Document.Parsed, path: readonly PropertyKey[]): number | undefined {
  try {
    if (!isCollection(doc.contents)) return undefined;
    const node: unknown = doc.contents.getIn(
      path.map((k) => (typeof k === "symbol" ? String(k) : k)),
      true,
    );
    const range = (node as { range?: unknown } | undefined)?.range;
    return Array.isArray(range) && typeof range[0] === "number" ? range[0] : undefined;
  } catch {
    return undefined;
  }
}

function firstLineOf(message: string): string {
  return message.split("\n")[0].trim();
}

function errorText(e: unknown): string {
  return e instanceof Error ? firstLineOf(e.message) : String(e);
}
