/**
 * Reads a fence's info string, `<lang> <kind> key=value key="quoted value" flag`,
 * and decides whether the fence is a lesson cell, ordinary Markdown code, or a mistake.
 */
import type { CellKind } from "./types";

/** Cell kinds written as fences (every kind but prose), in the order the guide lists them. */
export const FENCE_CELL_KINDS = [
  "setup",
  "exercise",
  "solution",
  "check",
  "hint",
  "tfjs",
  "experiment",
  "diagnosis",
] as const;

/** A kind of cell written as a fenced block. */
export type FenceCellKind = Exclude<CellKind, "prose">;

/** The language each fenced cell kind must be written in. */
export const CELL_LANG: Record<FenceCellKind, string> = {
  setup: "ts",
  exercise: "ts",
  solution: "ts",
  check: "ts",
  hint: "md",
  tfjs: "ts",
  experiment: "yaml",
  diagnosis: "ts",
};

/** Fences in these languages whose second word is not a known kind are errors, not prose. */
const CELL_LANGS = ["ts", "md", "yaml"];

/** One `key=value` (or bare `flag`, with value null) from an info string. */
export interface InfoAttribute {
  key: string;
  value: string | null;
}

/** What a fence is, judged from its info string alone. */
export type FenceClass =
  | { type: "code" }
  | { type: "cell"; lang: string; kind: FenceCellKind; attrs: InfoAttribute[]; problems: string[] }
  | { type: "error"; message: string };

/**
 * Classifies an info string: a known kind as second word makes a cell (whatever
 * the language, so a wrong language can be reported); `ts`/`md`/`yaml` followed
 * by anything else is an error; anything else is ordinary Markdown code.
 */
export function classifyInfo(info: string): FenceClass {
  const { tokens, problems } = tokenizeInfo(info);
  if (tokens.length === 0 || tokens[0].value !== null) return { type: "code" };
  if (isFenceCellKind(tokens[0].key)) {
    const kind = tokens[0].key;
    return {
      type: "error",
      message: `cell kind '${kind}' must follow a language: write '${CELL_LANG[kind]} ${info.trim()}'`,
    };
  }
  if (tokens.length < 2) return { type: "code" };
  const lang = tokens[0].key;
  const second = tokens[1];
  if (second.value === null && isFenceCellKind(second.key)) {
    return { type: "cell", lang, kind: second.key, attrs: tokens.slice(2), problems };
  }
  if (!CELL_LANGS.includes(lang)) return { type: "code" };
  return { type: "error", message: unknownKindMessage(lang, second) };
}

/** True when `word` names a fenced cell kind. */
export function isFenceCellKind(word: string): word is FenceCellKind {
  return (FENCE_CELL_KINDS as readonly string[]).includes(word);
}

function unknownKindMessage(lang: string, second: InfoAttribute): string {
  const known = `known: ${FENCE_CELL_KINDS.join(", ")}`;
  if (second.value !== null) {
    return `missing cell kind before '${second.key}=': write e.g. '${lang} exercise id=...' (${known}), or just '${lang}' for an ordinary code block`;
  }
  const guess = closestKind(second.key);
  const hint = guess ? `; did you mean '${guess}'?` : "";
  return `unknown cell kind '${second.key}' (${known})${hint} For an ordinary code block write just '${lang}'.`;
}

/** The known kind within edit distance 2 of `word`, if any. */
function closestKind(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const kind of FENCE_CELL_KINDS) {
    const d = editDistance(word.toLowerCase(), kind);
    if (d < bestDistance) [best, bestDistance] = [kind, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Splits an info string into words and `key=value` pairs. Values may be bare
 * or double-quoted with `\"` and `\\` escapes. `problems` lists syntax slips
 * (an unterminated quote); tokenizing still returns what it could read.
 */
export function tokenizeInfo(info: string): { tokens: InfoAttribute[]; problems: string[] } {
  const tokens: InfoAttribute[] = [];
  const problems: string[] = [];
  let i = 0;
  while (i < info.length) {
    if (/\s/.test(info[i])) {
      i++;
      continue;
    }
    let key = "";
    while (i < info.length && !/\s/.test(info[i]) && info[i] !== "=") key += info[i++];
    if (info[i] !== "=") {
      tokens.push({ key, value: null });
      continue;
    }
    const read = readValue(info, i + 1);
    if (read.unterminated) problems.push(`the quoted value of '${key}' has no closing '"'`);
    tokens.push({ key, value: read.value });
    i = read.end;
  }
  return { tokens, problems };
}

function readValue(info: string, start: number): { value: string; end: number; unterminated: boolean } {
  let i = start;
  let value = "";
  if (info[i] !== '"') {
    while (i < info.length && !/\s/.test(info[i])) value += info[i++];
    return { value, end: i, unterminated: false };
  }
  i++;
  while (i < info.length && info[i] !== '"') {
    if (info[i] === "\\" && (info[i + 1] === '"' || info[i + 1] === "\\")) i++;
    value += info[i++];
  }
  return { value, end: i + 1, unterminated: i >= info.length };
}
