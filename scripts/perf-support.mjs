// Shared by the headless performance scripts (bench.mjs, measure-perf.mjs):
// serve dist/ with `vite preview` (COOP/COEP, precompressed files) unless
// BASE_URL points at a running server, launch the system Chromium, and time
// things with medians (this project's machines are small and shared: single
// figures are noise).
import { chromium } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

export const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** A server for dist/: BASE_URL if set, else `vite preview` on a free port. Returns { url, stop }. */
export async function serveDist() {
  if (process.env.BASE_URL) return { url: process.env.BASE_URL, stop: async () => undefined };
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` first");
  const port = await freePort();
  const child = spawn("npx", ["vite", "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    stdio: "ignore",
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop: async () => void child.kill() };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error("vite preview did not start");
}

/** Chromium with the software WebGPU adapter these machines offer (PLATFORM.md). */
export function launchChromium() {
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ["--enable-unsafe-webgpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
  });
}

/** Native sgemm figures from scripts/bench-native.py, or null when numpy is not installed. */
export function nativeMatMul(sizes) {
  const out = spawnSync("python3", ["scripts/bench-native.py", ...sizes.map(String)], { encoding: "utf8" });
  if (out.status !== 0) return null;
  return JSON.parse(out.stdout);
}

/** Runs the Benchmarks page's matMul sweep (every backend, in fresh workers) and returns its table rows. */
export async function benchmarksPage(browser, url) {
  const page = await browser.newPage();
  await page.goto(`${url}/#/bench`);
  await page.getByRole("button", { name: "Run benchmarks" }).click();
  await page.getByRole("button", { name: "Run benchmarks" }).waitFor({ state: "visible" });
  await page.waitForFunction(
    () =>
      !document.querySelector("[aria-live=polite]") &&
      document.querySelectorAll("table[aria-label=Benchmarks] tbody tr").length > 0,
    null,
    { timeout: 300_000 },
  );
  const rows = await page
    .locator("table[aria-label=Benchmarks] tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  const details = await page.locator("ul.muted li").allInnerTexts();
  await page.close();
  return {
    rows: rows
      .filter((cells) => cells.length === 6)
      .map(([asked, implementation, n, msPerOp, gflops]) => ({
        asked,
        implementation,
        size: Number(n),
        msPerOp: Number(msPerOp),
        gflops: Number(gflops),
      })),
    details,
  };
}
