// Shared by the headless performance scripts (bench.mjs, measure-perf.mjs):
// serve dist/ with `vite preview` (COOP/COEP, precompressed files) unless
// BASE_URL points at a running server, launch the system Chromium, and time
// things with medians (this project's machines are small and shared: single
// figures are noise).
import { chromium } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
    // Its own process group, so stopping it stops vite too, not only npx (vite was left running, using CPU).
    detached: true,
  });
  const stop = async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("vite preview did not start");
}

/** Chromium with the software WebGPU adapter these machines offer (PLATFORM.md). */
export function launchChromium() {
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ["--enable-unsafe-webgpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
  });
}

/**
 * Native figures from scripts/bench-native.py (matMul sizes n, or "gd:MxN" gradient-descent steps),
 * or null when numpy is not installed.
 */
export function nativeMatMul(sizes) {
  const out = spawnSync("python3", ["scripts/bench-native.py", ...sizes.map(String)], { encoding: "utf8" });
  if (out.status !== 0) return null;
  return JSON.parse(out.stdout);
}

/**
 * Runs the Benchmarks page's full sweep (every backend, in fresh workers),
 * exports it as the page's JSON, and returns its rows (`implementation` as
 * "tfjs <backend>" or "JavaScript"), per-size summaries and backend details.
 */
export async function benchmarksPage(browser, url) {
  const page = await browser.newPage({ acceptDownloads: true });
  await page.goto(`${url}/#/bench`);
  await page.getByLabel("Sizes").selectOption("full");
  await page.getByRole("button", { name: "Run sweep" }).click();
  const results = page.getByRole("region", { name: "Sweep results" });
  await results.waitFor({ state: "visible", timeout: 600_000 });
  const downloading = page.waitForEvent("download");
  await results.getByRole("button", { name: "Export JSON" }).click();
  const download = await downloading;
  const sweep = JSON.parse(readFileSync(await download.path(), "utf8"));
  await page.close();
  return {
    sweep,
    rows: sweep.points.map((p) => ({
      ...p,
      implementation: p.implementation === "js" ? "JavaScript" : `tfjs ${p.implementation}`,
    })),
    details: sweep.notes,
  };
}

/**
 * Clicks an experiment region's `Run experiment` and resolves with the time
 * until the run has ended (its Stop button, shown while it runs, gone again,
 * with the results shown), in the page's clock.
 */
export function timeExperimentRun(region) {
  return region.evaluate(
    (el) =>
      new Promise((resolve) => {
        const start = performance.now();
        const hasStop = () => [...el.querySelectorAll("button")].some((b) => b.textContent === "Stop");
        let sawRunning = false;
        const check = () => {
          if (hasStop()) sawRunning = true;
          else if (sawRunning) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(el, { subtree: true, childList: true, characterData: true });
        [...el.querySelectorAll("button")].find((b) => b.textContent === "Run experiment").click();
        check();
      }),
  );
}
