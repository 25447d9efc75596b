/**
 * Words and a download for a stored record the app cannot read (damaged, or
 * written by a newer version of the app), so the learner can keep a copy
 * before the app saves over it. Pure: builds text, writes nothing.
 */

/** A stored record that failed to load (the storage layer's `InvalidRecord`). */
export interface DamagedRecord {
  /** Store name, e.g. `drafts`, `progress`, `runs`. */
  store: string;
  key: unknown;
  issues: string[];
  /** True when the record comes from a newer version of the app. */
  tooNew: boolean;
  value: unknown;
}

/** Value of the `format` field of a downloaded damaged record. */
export const DAMAGED_RECORD_FORMAT = "ml-notebook-damaged-record";

const WHAT: Record<string, string> = {
  drafts: "draft",
  progress: "check results",
  runs: "run",
  settings: "settings",
  localLessons: "lesson file",
};

/** "draft of computeCost (lesson linear-regression)" and the like. */
function recordName(record: DamagedRecord): string {
  const what = WHAT[record.store] ?? `record in ${record.store}`;
  if (Array.isArray(record.key) && record.key.length === 2)
    return `${what} of ${String(record.key[1])} (lesson ${String(record.key[0])})`;
  return `${what} ${String(record.key).slice(0, 60)}`;
}

/**
 * One sentence saying what happened to the record, e.g. "The saved draft of
 * computeCost (lesson x) was written by a newer version of the app." or
 * "... is damaged (code: expected a string)."
 */
export function describeDamagedRecord(record: DamagedRecord): string {
  const name = recordName(record);
  if (record.tooNew)
    return `The saved ${name} was written by a newer version of the app, which this version cannot read. Reload the page to update the app, or download it and replace it.`;
  const first = record.issues[0] ?? "unreadable";
  const more = record.issues.length > 1 ? ` and ${record.issues.length - 1} more problem(s)` : "";
  return `The saved ${name} is damaged (${first.slice(0, 200)}${more}), so the app cannot use it. Download it and replace it.`;
}

/** JSON replacer: non-finite numbers, bigints and cycles become strings instead of throwing. */
function safeReplacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (_key, value) => {
    if (typeof value === "number" && !Number.isFinite(value)) return { $number: String(value) };
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return "[circular]";
      seen.add(value);
    }
    return value;
  };
}

/** The file to download: a JSON copy of the record as stored, with why it could not be read. */
export function damagedRecordFile(record: DamagedRecord, now = new Date()): { fileName: string; text: string } {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const key = (Array.isArray(record.key) ? record.key.join("-") : String(record.key))
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .slice(0, 80);
  const text = JSON.stringify(
    {
      format: DAMAGED_RECORD_FORMAT,
      savedAt: now.toISOString(),
      store: record.store,
      key: record.key,
      tooNew: record.tooNew,
      issues: record.issues,
      value: record.value,
    },
    safeReplacer(),
    2,
  );
  return { fileName: `damaged-${record.store}-${key}-${stamp}.json`, text };
}
