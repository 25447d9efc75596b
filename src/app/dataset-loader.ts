/**
 * Loads the datasets a lesson declares from the app's own origin and verifies
 * each file's SHA-256 against the registry before anything uses it (the core
 * loader, `loadDataset` in core/ml/load-dataset.ts, with fetch as its reader).
 */
import { loadDataset as loadVerifiedDataset } from "../core/ml/load-dataset";
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
  const loaded = await loadVerifiedDataset(ref, fetchDatasetFile);
  if (!loaded.ok) throw new DatasetError(loaded.code, loaded.message);
  return loaded.dataset;
}

/** The bytes of a file in public/datasets/, fetched from this app's origin. */
async function fetchDatasetFile(file: string): Promise<ArrayBuffer> {
  const response = await fetch(`${import.meta.env.BASE_URL}datasets/${file}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Loads every dataset a lesson declares. */
export function loadDatasets(refs: readonly DatasetRef[]): Promise<LoadedDataset[]> {
  return Promise.all(refs.map(loadDataset));
}
