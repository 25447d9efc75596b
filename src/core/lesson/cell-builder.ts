/**
 * Turns one fenced block whose info string names a cell kind into a `Cell`,
 * checking its language and attributes. Cross-cell rules live in link-cells.ts.
 */
import { pushError, pushWarning } from "./diagnostics";
import { buildDiagnosis } from "./diagnosis-cell";
import { parseExperimentSpec } from "./experiment-spec";
import { CELL_ID_PATTERN } from "./id-patterns";
import type { Fence } from "./fences";
import { CELL_LANG, type FenceCellKind, type InfoAttribute } from "./info-string";
import type { Cell, Diagnostic } from "./types";

const CELL_ID = CELL_ID_PATTERN;

interface AttrSpec {
  /** Attributes that must be present with a value. */
  required: readonly string[];
  /** Attributes that may be present with a value. */
  optional: readonly string[];
  /** Bare flags (`hidden`). */
  flags: readonly string[];
}

const ATTRS: Record<FenceCellKind, AttrSpec> = {
  setup: { required: ["id"], optional: [], flags: [] },
  exercise: { required: ["id"], optional: ["title"], flags: [] },
  solution: { required: ["for"], optional: [], flags: [] },
  check: { required: ["for"], optional: [], flags: ["hidden"] },
  hint: { required: ["for", "tier"], optional: [], flags: [] },
  tfjs: { required: ["id"], optional: [], flags: [] },
  experiment: { required: ["id"], optional: [], flags: [] },
  diagnosis: { required: ["for", "id"], optional: [], flags: [] },
};

const EXAMPLE_VALUE: Record<string, string> = { id: "<id>", for: "<exerciseId>", tier: "<1, 2, ...>" };

/** A fence already classified as a cell by its info string. */
export interface CellFence {
  fence: Fence;
  lang: string;
  kind: FenceCellKind;
  attrs: InfoAttribute[];
  problems: string[];
}

/**
 * Builds the cell, appending diagnostics to `diags`. Returns null (the cell is
 * dropped) when the language is wrong, a required attribute is missing or
 * invalid, or an experiment body is unusable.
 */
export function buildCell(input: CellFence, diags: Diagnostic[]): Cell | null {
  const { fence, kind } = input;
  const line = fence.open + 1;
  if (input.lang !== CELL_LANG[kind]) {
    pushError(
      diags,
      line,
      `${kind} cells must be written as '${CELL_LANG[kind]} ${kind}' (found language '${input.lang}')`,
    );
    return null;
  }
  for (const p of input.problems) pushError(diags, line, `${kind} cell: ${p}`);
  const attrs = readAttributes(input, line, diags);
  if (!attrs) return null;
  const code = fence.body;
  switch (kind) {
    case "setup":
    case "tfjs":
      return { kind, line, id: attrs.id, code };
    case "exercise":
      return attrs.title === undefined
        ? { kind, line, id: attrs.id, code }
        : { kind, line, id: attrs.id, title: attrs.title, code };
    case "solution":
      return { kind, line, for: attrs.for, code };
    case "check":
      return { kind, line, for: attrs.for, code, hidden: attrs.hidden === "true" };
    case "hint":
      return buildHint(attrs, line, code, diags);
    case "diagnosis":
      return buildDiagnosis(attrs, line, code, diags);
    case "experiment": {
      const spec = parseExperimentSpec(code, line + 1, line, attrs.id, diags);
      return spec ? { kind, line, id: attrs.id, spec } : null;
    }
  }
}

function buildHint(attrs: Record<string, string>, line: number, markdown: string, diags: Diagnostic[]): Cell | null {
  const tier = /^[0-9]+$/.test(attrs.tier) ? Number(attrs.tier) : NaN;
  if (!Number.isSafeInteger(tier) || tier < 1) {
    pushError(diags, line, `hint for '${attrs.for}': tier must be a whole number 1, 2, 3, ... (found '${attrs.tier}')`);
    return null;
  }
  return { kind: "hint", line, for: attrs.for, tier, markdown };
}

/**
 * Checks attributes against the kind's spec and returns them as a map (flags
 * map to "true"/"false"), or null when a required one is missing or invalid.
 */
function readAttributes(input: CellFence, line: number, diags: Diagnostic[]): Record<string, string> | null {
  const spec = ATTRS[input.kind];
  const out: Record<string, string> = {};
  for (const flag of spec.flags) out[flag] = "false";
  const seen = new Set<string>();
  for (const { key, value } of input.attrs) {
    if (seen.has(key)) {
      pushError(diags, line, `${input.kind} cell: attribute '${key}' is given twice; the first one is used`);
      continue;
    }
    seen.add(key);
    const v = readOne(input.kind, spec, key, value, line, diags);
    if (v !== undefined) out[key] = v;
  }
  let ok = true;
  for (const key of spec.required) {
    if (out[key] !== undefined && out[key] !== "") continue;
    if (!seen.has(key))
      pushError(
        diags,
        line,
        `${input.kind} cell needs ${key}=${EXAMPLE_VALUE[key]}, e.g. '${exampleInfo(input.kind)}'`,
      );
    ok = false;
  }
  if (ok && out.id !== undefined && !CELL_ID.test(out.id)) {
    pushError(
      diags,
      line,
      `${input.kind} cell: id '${out.id}' must start with a letter and use only letters, digits, '_' or '-'`,
    );
    ok = false;
  }
  return ok ? out : null;
}

/** Validates one attribute; returns its value, or undefined when it is reported and ignored. */
function readOne(
  kind: FenceCellKind,
  spec: AttrSpec,
  key: string,
  value: string | null,
  line: number,
  diags: Diagnostic[],
): string | undefined {
  if (spec.flags.includes(key)) {
    if (value === null || value === "true") return "true";
    if (value === "false") return "false";
    pushError(diags, line, `${kind} cell: '${key}' is a bare flag; write just '${key}' (found '${key}=${value}')`);
    return undefined;
  }
  if (spec.required.includes(key) || spec.optional.includes(key)) {
    if (value !== null && value !== "") return value;
    pushError(
      diags,
      line,
      `${kind} cell: attribute '${key}' needs a value, e.g. ${key}=${EXAMPLE_VALUE[key] ?? "..."}`,
    );
    return undefined;
  }
  const known = [...spec.required, ...spec.optional, ...spec.flags].join(", ");
  pushWarning(diags, line, `${kind} cell: unknown attribute '${key}' is ignored (known: ${known})`);
  return undefined;
}

function exampleInfo(kind: FenceCellKind): string {
  const attrs = ATTRS[kind].required.map((k) => `${k}=${k === "tier" ? "1" : k === "for" ? "computeCost" : "myId"}`);
  return [CELL_LANG[kind], kind, ...attrs].join(" ");
}
