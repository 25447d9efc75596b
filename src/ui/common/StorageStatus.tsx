/**
 * Footer status of this app's local storage: asks the browser once per page
 * load to keep the data (drafts, progress, runs in IndexedDB; the offline copy
 * in Cache Storage) persistent, then shows usage, quota and persistence.
 */
import { useEffect, useState } from "react";
import { describeStorage, type StorageFacts } from "./storage-summary";
import "./app-status.css";

/** Usage grows as the offline copy is written and runs are saved; a cheap re-read keeps the line current. */
const REFRESH_MS = 15_000;

/**
 * `persist()` never prompts in Chromium (it grants by engagement, or when the
 * app is installed); Firefox asks the user once and remembers the answer.
 */
async function requestPersistence(): Promise<void> {
  if (!navigator.storage?.persist) return;
  if (await navigator.storage.persisted()) return;
  await navigator.storage.persist();
}

async function readFacts(): Promise<StorageFacts> {
  const facts: StorageFacts = { offlineReady: Boolean(navigator.serviceWorker?.controller) };
  if (navigator.storage?.estimate) {
    const { usage, quota } = await navigator.storage.estimate();
    facts.usage = usage;
    facts.quota = quota;
  }
  if (navigator.storage?.persisted) facts.persisted = await navigator.storage.persisted();
  return facts;
}

export function StorageStatus() {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    let cancelled = false;
    const refresh = () => {
      readFacts()
        .then((next) => !cancelled && setFacts(next))
        .catch(() => undefined);
    };
    requestPersistence()
      .catch(() => undefined)
      .finally(refresh);
    const timer = setInterval(refresh, REFRESH_MS);
    navigator.serviceWorker?.addEventListener("controllerchange", refresh);
    return () => {
      cancelled = true;
      clearInterval(timer);
      navigator.serviceWorker?.removeEventListener("controllerchange", refresh);
    };
  }, []);
  if (!facts) return null;
  return <span className="storage-status">{describeStorage(facts)}</span>;
}
