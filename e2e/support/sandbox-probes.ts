/**
 * Observations for e2e/sandbox.spec.ts made outside the app's own claims: a
 * local HTTP listener that records every connection and request, in-page
 * probes (longest main-thread task, longest timer gap, BroadcastChannel
 * messages, dialogs), and a dump of the page's own storage (IndexedDB,
 * localStorage, Cache Storage, the origin-private file system).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { PWNED } from "./hostile-cases";

export interface Listener {
  readonly url: string;
  /** Every request line or raw connection seen so far. */
  readonly hits: string[];
  stop(): Promise<void>;
}

/** An HTTP server on a free port of 127.0.0.1 that answers 200 to everything and remembers it. */
export async function startListener(): Promise<Listener> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin" });
    res.end("hit");
  });
  server.on("connection", () => hits.push("connection"));
  server.on("upgrade", (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Installs the in-page probes before any app script runs. */
export async function installPageProbes(page: Page): Promise<void> {
  await page.addInitScript((pwned: string) => {
    const probe = { longestTask: 0, maxTimerGap: 0, last: performance.now(), broadcasts: [] as string[] };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longestTask = Math.max(probe.longestTask, entry.duration);
    }).observe({ type: "longtask" });
    setInterval(() => {
      const now = performance.now();
      probe.maxTimerGap = Math.max(probe.maxTimerGap, now - probe.last);
      probe.last = now;
    }, 20);
    const channel = new BroadcastChannel(`${pwned}-bc`);
    channel.onmessage = (event) => probe.broadcasts.push(String(event.data));
  }, PWNED);
}

export interface Stall {
  longestTask: number;
  maxTimerGap: number;
}

/** Starts a new measuring window. */
export async function resetStall(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = (window as unknown as { __probe: Stall & { last: number } }).__probe;
    probe.longestTask = 0;
    probe.maxTimerGap = 0;
    probe.last = performance.now();
  });
}

/** The longest main-thread task and timer gap since the last reset, in ms. */
export async function readStall(page: Page): Promise<Stall> {
  return page.evaluate(() => {
    const { longestTask, maxTimerGap } = (window as unknown as { __probe: Stall }).__probe;
    return { longestTask, maxTimerGap };
  });
}

export async function broadcastsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __probe: { broadcasts: string[] } }).__probe.broadcasts);
}

export interface OriginStorage {
  /** `db/store` for every IndexedDB object store, and `db` for each database. */
  idbNames: string[];
  localStorageKeys: string[];
  cacheNames: string[];
  opfsNames: string[];
  /** Every record of every store named "progress" (the app's check results). */
  progress: { exerciseId?: string; allPassed?: boolean }[];
}

/**
 * The names of everything the page's origin stores (IndexedDB databases and
 * stores, localStorage keys, Cache Storage, OPFS entries), and the app's
 * progress records. Names, not contents: drafts legitimately hold the
 * hostile code that was typed.
 */
export async function readOriginStorage(page: Page): Promise<OriginStorage> {
  return page.evaluate(async () => {
    const result = {
      idbNames: [] as string[],
      localStorageKeys: [] as string[],
      cacheNames: [] as string[],
      opfsNames: [] as string[],
      progress: [] as { exerciseId?: string; allPassed?: boolean }[],
    };
    for (const info of await indexedDB.databases()) {
      result.idbNames.push(info.name!);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        result.idbNames.push(`${info.name}/${store}`);
        if (store !== "progress") continue;
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        result.progress.push(...(records as { exerciseId?: string; allPassed?: boolean }[]));
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) result.localStorageKeys.push(localStorage.key(i)!);
    result.cacheNames = await caches.keys();
    const root = await navigator.storage.getDirectory();
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) result.opfsNames.push(name);
    return result;
  });
}
