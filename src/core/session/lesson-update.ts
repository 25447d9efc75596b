/**
 * When a lesson is updated under a learner's saved draft: whether the draft
 * was written for an older version whose starter changed, the starter's
 * changes as a line diff, and a line-based three-way merge of the learner's
 * code with the new starter. Pure.
 */

/** One line of a diff: kept, removed from the old text, or added in the new. */
export interface DiffLine {
  kind: "same" | "removed" | "added";
  text: string;
}

/** What the learner is told about one exercise when its draft predates the lesson's version. */
export interface StarterUpdate {
  exerciseId: string;
  draftVersion: number;
  lessonVersion: number;
  oldStarter: string;
  newStarter: string;
}

/**
 * The update to offer for a draft, or null: only when the draft recorded an
 * older lesson version and the starter it was written against differs from
 * the current one (a draft without a recorded version counts as version 1).
 */
export function starterUpdate(
  draft: { exerciseId: string; lessonVersion?: number; starter?: string; code: string },
  lesson: { version: number; starter: string },
): StarterUpdate | null {
  const draftVersion = draft.lessonVersion ?? 1;
  if (draftVersion >= lesson.version || draft.starter === undefined) return null;
  if (draft.starter === lesson.starter || draft.code === lesson.starter) return null;
  return {
    exerciseId: draft.exerciseId,
    draftVersion,
    lessonVersion: lesson.version,
    oldStarter: draft.starter,
    newStarter: lesson.starter,
  };
}

const splitLines = (text: string) => text.replace(/\r\n/g, "\n").split("\n");

/** Longest-common-subsequence table of two line arrays: `t[i][j]` for a[i..] and b[j..]. */
function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  return t;
}

/** The line diff from `before` to `after` (removed lines before added ones within a change). */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const t = lcsTable(a, b);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && t[i + 1][j] >= t[i][j + 1])) {
      out.push({ kind: "removed", text: a[i++] });
    } else {
      out.push({ kind: "added", text: b[j++] });
    }
  }
  return out;
}

/** A change of the base: base lines [start, end) replaced by `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

function hunks(base: string[], other: string[]): Hunk[] {
  const t = lcsTable(base, other);
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  const close = () => {
    if (open) out.push(open);
    open = null;
  };
  while (i < base.length || j < other.length) {
    if (i < base.length && j < other.length && base[i] === other[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { start: i, end: i, lines: [] };
    if (j >= other.length || (i < base.length && t[i + 1][j] >= t[i][j + 1])) open.end = ++i;
    else open.lines.push(other[j++]);
  }
  close();
  return out;
}

/** Whether two hunks touch the same base lines (insertions at one point count as touching). */
const overlaps = (x: Hunk, y: Hunk) => (x.start < y.end && y.start < x.end) || x.start === y.start;

/**
 * Three-way merge by lines: the learner's changes (`base` -> `mine`) and the
 * lesson's (`base` -> `theirs`) applied together. Where both changed the same
 * lines, the result holds both versions between conflict markers and
 * `conflicts` counts them.
 */
export function mergeStarterChange(base: string, mine: string, theirs: string): { code: string; conflicts: number } {
  const b = splitLines(base);
  const ours = hunks(b, splitLines(mine)).map((h) => ({ ...h, from: "mine" as const }));
  const their = hunks(b, splitLines(theirs)).map((h) => ({ ...h, from: "theirs" as const }));
  const all = [...ours, ...their].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: string[] = [];
  let at = 0;
  let conflicts = 0;
  for (let k = 0; k < all.length;) {
    const group = [all[k++]];
    while (k < all.length && group.some((h) => overlaps(h, all[k]))) group.push(all[k++]);
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    out.push(...b.slice(at, start));
    const sides = new Set(group.map((h) => h.from));
    if (sides.size === 1) out.push(...group.flatMap((h) => h.lines));
    else {
      const side = (from: "mine" | "theirs") =>
        rebuild(
          b,
          start,
          end,
          group.filter((h) => h.from === from),
        );
      const [m, t] = [side("mine"), side("theirs")];
      if (m.join("\n") === t.join("\n")) out.push(...m);
      else {
        conflicts++;
        out.push("<<<<<<< your code", ...m, "=======", ...t, ">>>>>>> new starter");
      }
    }
    at = end;
  }
  out.push(...b.slice(at));
  return { code: out.join("\n"), conflicts };
}

/** Base lines [start, end) with one side's hunks applied. */
function rebuild(base: string[], start: number, end: number, side: Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const h of side) {
    out.push(...base.slice(at, h.start), ...h.lines);
    at = h.end;
  }
  out.push(...base.slice(at, end));
  return out;
}
