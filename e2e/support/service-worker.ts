/**
 * Helpers for tests of the service worker: a `test` whose app is served by a
 * server the test itself starts (and may stop or switch to another build),
 * waiting until the service worker controls the page, and cutting the network.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { test as base } from "./fixtures";

/** A server a test owns; stop() must be safe to call twice. */
export interface OwnServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A `test` with a `server` fixture started by `start` for each test and
 * stopped after it; `baseURL` is that server, so `page.goto("/")` reaches it
 * and the other-origin guard of fixtures.ts watches that origin.
 */
export function testWithServer<S extends OwnServer>(start: () => Promise<S>) {
  return base.extend<{ server: S }>({
    // Playwright reads the fixtures a fixture needs from this destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    server: async ({}, use) => {
      const server = await start();
      await use(server);
      await server.stop();
    },
    baseURL: async ({ server }, use) => {
      await use(server.url);
    },
  });
}

/**
 * Waits until the service worker has installed, which means the whole app is
 * precached, and controls this page (vite.config.ts sets clientsClaim, so the
 * first visit needs no reload).
 */
export async function waitForServiceWorker(page: Page, timeoutMs = 60_000): Promise<void> {
  // Fail with a reason instead of running into the test timeout (e.g. when service workers are blocked).
  const registered = await page.evaluate(
    (ms) =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]),
    timeoutMs,
  );
  if (!registered)
    throw new Error(
      `no service worker became ready within ${timeoutMs / 1000} s (is serviceWorkers "block" in the Playwright config?)`,
    );
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: timeoutMs });
}

/**
 * Takes the network away for real: the server is stopped (nothing listens on
 * its port) and the browser is switched offline (`navigator.onLine` is false,
 * the `offline` event fires). Either alone could hide a request that escapes
 * the service worker.
 */
export async function cutNetwork(context: BrowserContext, server: OwnServer): Promise<void> {
  await server.stop();
  await context.setOffline(true);
}
