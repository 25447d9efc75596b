/**
 * Deploy check (`npm run test:nginx`, playwright.nginx.config.ts): the build
 * in dist/ served by a real nginx with the repository's nginx.conf, the same
 * file the Dockerfile installs.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, LESSON_1 } from "./support/fixtures";
import { findNginx, startNginx } from "./support/nginx-server";
import { cutNetwork, testWithServer, waitForServiceWorker } from "./support/service-worker";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
const NGINX = findNginx();

const test = testWithServer(() => startNginx(NGINX!, DIST));
test.skip(
  !NGINX,
  "nginx is not installed (sudo apt-get install -y nginx); .ci/run installs it so CI always runs this test",
);

/** The first built asset whose name ends with `suffix`, as a URL path. */
function asset(suffix: string): string {
  const name = readdirSync(join(DIST, "assets")).find((file) => file.endsWith(suffix));
  if (!name) throw new Error(`no ${suffix} file in ${DIST}/assets`);
  return `/assets/${name}`;
}

test.describe("served by nginx with nginx.conf", () => {
  test("every response is cross-origin isolated, with the right type and cache rule", async ({ request }) => {
    const cases = [
      { path: "/", type: "text/html", cache: "no-cache" },
      { path: "/sw.js", type: "text/javascript", cache: "no-cache" },
      { path: "/manifest.webmanifest", type: "application/manifest+json", cache: "no-cache" },
      { path: asset(".wasm"), type: "application/wasm", cache: "immutable" },
      { path: asset(".js"), type: "text/javascript", cache: "immutable" },
      { path: asset(".woff2"), type: "font/woff2", cache: "immutable" },
      { path: "/datasets/city-profits-v1.csv", type: "text/csv", cache: "no-cache" },
      { path: "/icons/icon-512.png", type: "image/png", cache: "no-cache" },
      { path: "/assets/missing-file.js", status: 404, cache: "no-cache" },
    ];
    for (const { path, type, cache, status = 200 } of cases) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(response.status(), path).toBe(status);
      expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
      expect(headers["cross-origin-embedder-policy"], path).toBe("require-corp");
      expect(headers["cache-control"], path).toContain(cache);
      if (type) expect(headers["content-type"].split(";")[0], path).toBe(type);
    }
  });

  test("hashed scripts come precompressed (gzip_static), with the year-long cache rule", async ({ request }) => {
    const path = asset(".js");
    const response = await request.get(path, { headers: { "Accept-Encoding": "gzip" } });
    const headers = response.headers();
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers["cache-control"]).toContain("max-age=31536000");
    expect(headers["cross-origin-embedder-policy"]).toBe("require-corp");
    expect((await response.body()).length).toBeGreaterThan(0);
  });

  test("the app is cross-origin isolated, runs WASM with threads, and reloads offline", async ({
    page,
    context,
    server,
    lessonPage,
  }) => {
    test.setTimeout(150_000);
    await lessonPage.open(LESSON_1, "wasm");
    expect(await page.evaluate(() => self.crossOriginIsolated), "cross-origin isolated").toBe(true);
    await lessonPage.showSolution("computeCost");
    await lessonPage.showSolution("gradientDescent");
    const results = await lessonPage.runExperiment("fit");
    await expect(lessonPage.referenceBackend(results)).toHaveText("wasm");
    await expect(lessonPage.experiment("fit")).toContainText(/Backend used: wasm · \d+ threads?/);

    await waitForServiceWorker(page);
    await cutNetwork(context, server);
    await page.reload();
    expect(await page.evaluate(() => self.crossOriginIsolated), "cross-origin isolated offline").toBe(true);
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.verdict("computeCost")).toContainText(/All \d+ checks passed/);
  });
});
