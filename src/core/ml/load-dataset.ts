/**
 * Loading a dataset: find its registry entry, read its file's bytes with an
 * injected reader (fetch in the browser, the file system in Node tools), and
 * verify them against the entry (checksum, then content). The one loader of
 * the app and the lesson checker.
 */
import { parseNumericCsv } from "./csv";
import type { DatasetEntry, LoadedDataset } from "./dataset-types";
import { findDataset } from "./datasets-registry";
import { sha256Hex } from "./sha256";

/** Why a dataset file was refused: its bytes are not the registered ones, or they are but do not parse as expected. */
export type DatasetLoadErrorCode = "checksum-mismatch" | "malformed";

/** The outcome of `verifyDataset`: the parsed dataset, or a coded error with a message for the learner. */
export type VerifyDatasetResult =
  { ok: true; dataset: LoadedDataset } | { ok: false; code: DatasetLoadErrorCode; message: string };

/**
 * Checks fetched bytes against a registry entry and parses them:
 * 1. their SHA-256 must equal `entry.sha256` (else `checksum-mismatch`);
 * 2. they must be UTF-8 text parsing as a numeric CSV (see `parseNumericCsv`)
 *    with exactly `entry.columns` and `entry.rows` data rows (else `malformed`).
 * Never throws on bad bytes; does not mutate its arguments.
 */
export async function verifyDataset(
  entry: DatasetEntry,
  bytes: ArrayBuffer | Uint8Array,
): Promise<VerifyDatasetResult> {
  const name = `${entry.id}@${entry.version} (${entry.file})`;
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== entry.sha256.toLowerCase()) {
    return {
      ok: false,
      code: "checksum-mismatch",
      message: `${name}: SHA-256 is ${sha256} but the registry expects ${entry.sha256}; the file is damaged or a different version`,
    };
  }
  const malformed = (detail: string): VerifyDatasetResult => ({
    ok: false,
    code: "malformed",
    message: `${name}: ${detail}`,
  });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return malformed("the file is not valid UTF-8 text");
  }
  const table = parseNumericCsv(text);
  if ("error" in table) return malformed(table.error);
  if (table.columns.join(",") !== entry.columns.join(",")) {
    return malformed(`columns are [${table.columns.join(", ")}], expected [${entry.columns.join(", ")}]`);
  }
  if (table.rows.length !== entry.rows) return malformed(`${table.rows.length} data rows, expected ${entry.rows}`);
  return {
    ok: true,
    dataset: { id: entry.id, version: entry.version, sha256, columns: table.columns, rows: table.rows },
  };
}

/** Reads a dataset file's bytes by its file name (e.g. `city-profits-v1.csv`); rejects when it cannot. */
export type ReadDatasetBytes = (file: string) => Promise<ArrayBuffer | Uint8Array>;

/** Why `loadDataset` failed: not in the registry, unreadable, or a `verifyDataset` refusal. */
export type LoadDatasetFailure =
  | { ok: false; code: "unknown-dataset"; message: string }
  | { ok: false; code: "unreachable"; entry: DatasetEntry; reason: string; message: string }
  | { ok: false; code: DatasetLoadErrorCode; entry: DatasetEntry; message: string };

/** The outcome of `loadDataset`: the verified dataset, or a coded failure with a message for the learner. */
export type LoadDatasetResult = { ok: true; dataset: LoadedDataset } | LoadDatasetFailure;

/**
 * Loads dataset `ref` (`id@version`) from the registry: reads its file with
 * `readBytes` and verifies it (see `verifyDataset`). Never rejects: a missing
 * entry, a reader that rejects (`reason` is its error's message) and bad bytes
 * all come back as failures.
 */
export async function loadDataset(
  ref: { id: string; version: number },
  readBytes: ReadDatasetBytes,
): Promise<LoadDatasetResult> {
  const entry = findDataset(ref.id, ref.version);
  if (!entry) {
    return {
      ok: false,
      code: "unknown-dataset",
      message: `Dataset ${ref.id}@${ref.version} is not in this app's registry`,
    };
  }
  let bytes: ArrayBuffer | Uint8Array;
  try {
    bytes = await readBytes(entry.file);
  } catch (error) {
    const reason = (error as Error).message;
    return {
      ok: false,
      code: "unreachable",
      entry,
      reason,
      message: `Could not load dataset ${entry.file}: ${reason}`,
    };
  }
  const verified = await verifyDataset(entry, bytes);
  return verified.ok ? verified : { ...verified, entry };
}
