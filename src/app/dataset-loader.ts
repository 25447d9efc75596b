/**
 * Loads the datasets a lesson declares from the app's own origin and verifies
 * each file's SHA-256 against the registry before anything uses it.
 */
import { findDataset } from "../core/ml/datasets-registry";
import { verifyDataset } from "../core/ml/load-dataset";
import type { LoadedDataset } from "../core/ml/dataset-types";
import type { DatasetRef } from "../core/lesson/types";

const cache = new Map<string, Promise<LoadedDataset>>();

export class DatasetError extends Error {
  constructor(
    readonly code: "unknown-dataset" | "unreachable" | "checksum-mismatch" | "malformed",
    message: string,
  ) {
    super(message);
  }
}

/** Fetches and verifies one dataset; the promise is shared by later callers. */
export function loadDataset(ref: DatasetRef): Promise<LoadedDataset> {
  const key = `${ref.id}@${ref.version}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = fetchAndVerify(ref);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

async function fetchAndVerify(ref: DatasetRef): Promise<LoadedDataset> {
  const entry = findDataset(ref.id, ref.version);
  if (!entry)
    throw new DatasetError("unknown-dataset", `Dataset ${ref.id}@${ref.version} is not in this app's registry`);
  let bytes: ArrayBuffer;
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}datasets/${entry.file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = await response.arrayBuffer();
  } catch (error) {
    throw new DatasetError("unreachable", `Could not load dataset ${entry.file}: ${(error as Error).message}`);
  }
  const verified = await verifyDataset(entry, bytes);
  if (!verified.ok) throw new DatasetError(verified.code, verified.message);
  return verified.dataset;
}

/** Loads every dataset a lesson declares. */
export function loadDatasets(refs: readonly DatasetRef[]): Promise<LoadedDataset[]> {
  return Promise.all(refs.map(loadDataset));
}
