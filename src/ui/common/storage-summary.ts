/** Pure text for the footer's storage status: how much this app stores, of how much, and whether it is kept. */

/** What `navigator.storage` reports; any field may be missing in browsers without the Storage API. */
export interface StorageFacts {
  /** Bytes this origin uses (IndexedDB, Cache Storage for the offline copy, ...). */
  usage?: number;
  /** Bytes this origin may use before the browser refuses writes. */
  quota?: number;
  /** True when the browser promised not to evict this origin's data under storage pressure. */
  persisted?: boolean;
  /** True when a service worker controls the page, so the app works without a network. */
  offlineReady?: boolean;
}

const UNITS = ["B", "kB", "MB", "GB", "TB"] as const;

/**
 * Formats a byte count with decimal (SI) units, as browsers and disks report
 * sizes: 950 -> "950 B", 3_200_000 -> "3.2 MB", 10e9 -> "10 GB". One decimal
 * below 10 of a unit, none above.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "unknown";
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const rounded = value < 9.95 ? value.toFixed(1).replace(/\.0$/, "") : String(Math.round(value));
  return `${rounded} ${UNITS[unit]}`;
}

/** One line such as "Storage: 3.2 MB of 10 GB used · persistent · offline copy ready". */
export function describeStorage(facts: StorageFacts): string {
  const parts: string[] = [];
  if (facts.usage !== undefined && facts.quota !== undefined)
    parts.push(`Storage: ${formatBytes(facts.usage)} of ${formatBytes(facts.quota)} used`);
  else if (facts.usage !== undefined) parts.push(`Storage: ${formatBytes(facts.usage)} used`);
  else parts.push("Storage: size unknown");
  if (facts.persisted !== undefined)
    parts.push(facts.persisted ? "persistent" : "not persistent (the browser may clear it when space runs low)");
  if (facts.offlineReady) parts.push("offline copy ready");
  return parts.join(" · ");
}
