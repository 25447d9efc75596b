/**
 * Helpers of the fault suite: a main-thread stall meter (Long Tasks API),
 * valid and hostile runs-export files, and a log line per case saying what held.
 */
import { createHash } from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";
import { findDataset } from "../../src/core/ml/datasets-registry";

/** Starts recording long tasks of the page (call before `goto`). */
export async function meterStalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/** The page's clock now, to measure stalls from. */
export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Longest main-thread task (ms) since `since` (page clock); 0 when none reached the 50 ms the API reports. */
export async function longestStallSince(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
          .filter((t) => t.start >= from)
          .map((t) => t.duration),
      ),
    since,
  );
}

/**
 * Drives a page through a raw CDP session. Playwright marks a page crashed, and
 * refuses to drive it, once one of its out-of-process frames dies (the kernel's
 * frame running out of memory), though the page itself runs on; CDP still
 * reaches it (as scripts/measure-frame-isolation.mjs does). Regions are found
 * by their accessible name (aria-label), buttons by their text.
 */
export async function cdpDriver(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const read = async (expression: string): Promise<unknown> => {
    const reply = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    return reply.result.value;
  };
  const region = (label: string) => `document.querySelector(${JSON.stringify(`[aria-label="${label}"]`)})`;
  return {
    read,
    // Monaco renders spaces as no-break spaces: normalised, as Playwright's toContainText does.
    text: async (label: string) => String(await read(`${region(label)}?.textContent ?? ""`)).replace(/\s+/g, " "),
    click: (label: string, button: string) =>
      read(
        `[...(${region(label)}?.querySelectorAll("button") ?? [])].find((b) => b.textContent === ${JSON.stringify(button)})?.click()`,
      ),
    reload: () => cdp.send("Page.reload", {}),
    /** Longest main-thread task (ms) since `since` (page clock), as longestStallSince. */
    longestStallSince: async (since: number) =>
      Math.round(
        Number(
          await read(`Math.max(0, ...window.__longTasks.filter((t) => t.start >= ${since}).map((t) => t.duration))`),
        ),
      ),
  };
}

/** Records what held in one fault case: an annotation in the report and one `FAULT` line in the output. */
export function held(info: TestInfo, what: string): void {
  info.annotations.push({ type: "held", description: what });
  console.log(`FAULT ${info.title}: held: ${what}`);
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A valid run (true checksums, a shipped dataset) with the given id. */
export function validRun(runId: string, code = "export function f() {\n  return 1;\n}\n"): Record<string, unknown> {
  const dataset = findDataset("city-profits", 1)!;
  const impl = (name: string, backend: string) => ({
    name,
    theta: [-3.6, 1.1],
    history: [
      { step: 0, loss: 32.07 },
      { step: 1500, loss: 4.48 },
    ],
    metrics: { trainCost: 4.48 },
    wallTimeMs: 10,
    backend,
  });
  return {
    schemaVersion: 1,
    runId,
    createdAt: "2026-11-03T10:00:00.000Z",
    lessonId: "linear-regression-one-variable",
    experimentId: "fit",
    seed: 42,
    split: { test: 0.2, seed: 7 },
    dataset: { id: dataset.id, version: dataset.version, sha256: dataset.sha256 },
    code: { text: code, sha256: sha256(code) },
    params: { alpha: 0.01, iterations: 1500 },
    backend: { requested: "cpu", used: "cpu", skipped: [], tfjsVersion: "4.22.0" },
    environment: {
      userAgent: "test",
      hardwareConcurrency: 2,
      crossOriginIsolated: true,
      appVersion: "0.1.0",
      appCommit: "test",
    },
    implementations: [impl("learner", "js"), impl("reference", "cpu")],
    maxAbsThetaDiff: 0,
    timings: { totalMs: 20 },
  };
}

/** An export file holding `runs` (or any value in their place). */
export function exportFile(runs: unknown, name = "runs.json") {
  const text = JSON.stringify({
    format: "ml-notebook-runs",
    formatVersion: 1,
    exportedAt: "2026-11-03T12:00:00.000Z",
    appVersion: "0.1.0",
    runs,
  });
  return { name, mimeType: "application/json", buffer: Buffer.from(text) };
}

/** Puts a raw value into the drafts store, as a damaged disk or a newer app version would leave it. */
export async function storeRawDraft(page: Page, value: Record<string, unknown>) {
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("ml-notebook");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("drafts", "readwrite");
          tx.objectStore("drafts").put(record);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    value,
  );
}
