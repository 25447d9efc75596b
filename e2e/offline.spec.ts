/**
 * The app as a PWA: after one online visit it works with the network gone, and
 * a new version waits for the learner's consent. Each test serves the build
 * from its own server (support/static-server.ts) so it can stop it or swap the
 * build behind the same origin.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { buildApp } from "./support/build-app";
import { expect, LESSON_1 } from "./support/fixtures";
import { cutNetwork, testWithServer, waitForServiceWorker } from "./support/service-worker";
import { startStaticServer } from "./support/static-server";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
const test = testWithServer(() => startStaticServer(DIST));
test.use({ serviceWorkers: "allow" });

/** Every file of a built folder, as paths relative to it with forward slashes. */
function filesOf(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesOf(join(dir, entry.name), root)
      : [relative(root, join(dir, entry.name)).split("\\").join("/")],
  );
}

/** Built files the service worker deliberately leaves out (vite.config.ts says why). */
const NOT_PRECACHED = [
  /^sw\.js$/,
  /^workbox-[\w-]+\.js$/,
  /^assets\/KaTeX_.*\.(woff|ttf)$/,
  // Precompressed copies for the servers (scripts/vite-plugins/precompress.ts); the originals are precached.
  /\.(gz|br)$/,
];

test.describe("offline", () => {
  test("the service worker precaches every file of the build but the documented exceptions", async () => {
    const precached = new Set(
      [...readFileSync(join(DIST, "sw.js"), "utf8").matchAll(/\burl:\s*"([^"]+)"/g)].map((match) => match[1]),
    );
    const missing = filesOf(DIST).filter(
      (file) => !precached.has(file) && !NOT_PRECACHED.some((pattern) => pattern.test(file)),
    );
    expect(missing, "built files missing from the precache").toEqual([]);
    // Lessons are TypeScript only: Monaco's CSS, HTML and JSON workers are not even built.
    expect(filesOf(DIST).filter((file) => /(css|html|json)\.worker-/.test(file))).toEqual([]);
    for (const needed of [
      /^index\.html$/,
      /ts\.worker-.*\.js$/,
      /kernel\.worker-.*\.js$/,
      /\.wasm$/,
      /KaTeX_.*\.woff2$/,
      /^datasets\/.*\.csv$/,
      /^icons\/icon-512\.png$/,
    ]) {
      expect(
        [...precached].some((url) => needed.test(url)),
        `precache has ${needed}`,
      ).toBe(true);
    }
    const bytes = [...precached].reduce((sum, url) => sum + statSync(join(DIST, url)).size, 0);
    console.log(`precache: ${precached.size} files, ${(bytes / 1e6).toFixed(1)} MB`);
  });

  test("after one online visit, lessons, checks, WASM and CPU experiments and runs work with the network gone", async ({
    page,
    context,
    server,
    lessonPage,
  }) => {
    test.setTimeout(180_000);
    await lessonPage.open(LESSON_1, "wasm");
    await waitForServiceWorker(page);
    await expect(page.locator("footer")).toContainText(
      /Storage: [\d.]+ [kMGT]?B of [\d.]+ [kMGT]?B used · (persistent|not persistent)/,
    );
    await expect(page.locator("footer")).toContainText("offline copy ready");
    // Chromium's own install criteria (manifest fields, icons, service worker); Playwright's
    // contexts are incognito, where Chromium never installs apps, so that one reason is expected.
    const devtools = await context.newCDPSession(page);
    const { installabilityErrors } = await devtools.send("Page.getInstallabilityErrors");
    expect(
      installabilityErrors.map((error) => error.errorId).filter((id) => id !== "in-incognito"),
      "installability errors",
    ).toEqual([]);

    const banner = page
      .getByRole("status")
      .filter({ hasText: "Offline: everything still works; runs are saved locally." });
    await expect(banner).toHaveCount(0);
    await cutNetwork(context, server);
    await expect(banner).toBeVisible();

    await page.reload();
    await expect(lessonPage.exercise("computeCost").getByRole("button", { name: "Run checks" })).toBeVisible();
    expect(await page.evaluate(() => self.crossOriginIsolated), "cross-origin isolated offline").toBe(true);
    // Playwright's offline emulation blocks the reloaded document's requests but leaves its
    // navigator.onLine true; switching it again fires the events the banner follows.
    await context.setOffline(false);
    await expect(banner).toHaveCount(0);
    await context.setOffline(true);
    await expect(banner).toBeVisible();

    // The editor (Monaco and its TypeScript worker) and the kernel come from the precache:
    // a type error is found as the learner types, and the solutions pass their checks.
    await lessonPage.typeCode("computeCost", 'export const wrong: number = "text";');
    await expect(lessonPage.exercise("computeCost").locator(".squiggly-error").first()).toBeVisible();
    for (const id of ["computeCost", "gradientDescent"]) {
      await lessonPage.showSolution(id);
      await lessonPage.runChecks(id);
      await expect(lessonPage.verdict(id)).toContainText(/All \d+ checks passed/);
    }

    // tfjs, its threaded .wasm build and the dataset come from the precache too.
    const region = lessonPage.experiment("fit");
    const wasm = await lessonPage.runExperiment("fit");
    await expect(lessonPage.referenceBackend(wasm)).toHaveText("wasm");
    await expect(region).toContainText(/Backend used: wasm · \d+ threads?/);
    await expect(region).toContainText("Saved as run");

    await page.getByRole("combobox", { name: "Backend" }).selectOption("cpu");
    const cpu = await lessonPage.runExperiment("fit");
    await expect(lessonPage.referenceBackend(cpu)).toHaveText("cpu");

    await page.getByRole("link", { name: "Runs" }).click();
    const runs = page.getByRole("table", { name: "Runs" });
    await expect(runs.getByRole("row")).toHaveCount(3);
    await page.reload();
    await expect(runs.getByRole("row")).toHaveCount(3);

    // Every lesson of the catalogue opens offline (they are bundled in the JavaScript).
    await page.getByRole("link", { name: "Lessons" }).click();
    const titles = await page.getByRole("main").getByRole("list").first().getByRole("link").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      await page.getByRole("main").getByRole("link", { name: title, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: title, exact: true }).first()).toBeVisible();
      await page.getByRole("link", { name: "Lessons" }).click();
    }
  });
});

test.describe("updates", () => {
  test("a new build waits behind a prompt, and switching to it keeps the learner's draft", async ({
    page,
    server,
    lessonPage,
  }) => {
    test.setTimeout(180_000);
    const nextBuild = await buildApp({ APP_VERSION: "9.9.9-next" });
    try {
      const footer = page.locator("footer");
      await lessonPage.open(LESSON_1);
      await waitForServiceWorker(page);
      await expect(footer).toContainText("Version ");
      await expect(footer).not.toContainText("9.9.9-next");
      await lessonPage.typeCode("gradientDescent", "export const draftMarker = 4321;");
      await page.waitForTimeout(1_000);

      // A new version is deployed on the same origin; the periodic check finds it.
      server.serve(nextBuild);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const prompt = page.getByRole("alert").filter({ hasText: "A new version of this app is available" });
      await expect(prompt).toBeVisible();

      // "Later" keeps the running code, even across a reload: the new version only waits.
      await prompt.getByRole("button", { name: "Later" }).click();
      await expect(prompt).toHaveCount(0);
      await page.reload();
      await expect(prompt).toBeVisible();
      await expect(footer).not.toContainText("9.9.9-next");
      await expect(lessonPage.exercise("gradientDescent")).toContainText("draftMarker = 4321");

      await prompt.getByRole("button", { name: "Reload to update" }).click();
      await expect(footer).toContainText("Version 9.9.9-next");
      await expect(prompt).toHaveCount(0);
      await expect(lessonPage.exercise("gradientDescent")).toContainText("draftMarker = 4321");
    } finally {
      await rm(nextBuild, { recursive: true, force: true });
    }
  });
});
