#!/usr/bin/env node
/**
 * Benchmark of the Runs page at scale (not a test): writes export files of
 * 10,000 runs with 3 artifacts each (in parts of `--part` runs, so each
 * stays within an import's limits: 5,000 runs, 25 MB), imports them through
 * the page's `Import runs (JSON)` input into a fresh browser profile, then prints
 *  - the import time and the longest gap between animation frames meanwhile,
 *  - the Runs page open time (hash change -> first run row in the DOM),
 *  - filter times (typing in `Filter runs` -> the count and rows updated).
 *
 * Needs a production build (`npm run build`). Usage:
 *   node scripts/bench-runs-page.mjs [--runs 10000] [--part 2000] [--port 4186]
 * CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { chromium } from "@playwright/test";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 10_000);
const PORT = arg("port", 4186);
const PART = arg("part", 2_000);
const LESSONS = ["linear-regression-one-variable", "logistic-regression", "regularized-logistic-regression"];
const BACKENDS = ["cpu", "wasm"];
const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** A valid run (schema 2) of lesson `i % 3`, with a 30-point history per implementation. */
function makeRun(i) {
  const lessonId = LESSONS[i % LESSONS.length];
  const backend = BACKENDS[i % BACKENDS.length];
  const history = Array.from({ length: 30 }, (_, k) => ({ step: (k + 1) * 50, loss: 32 / (1 + k + (i % 7)) }));
  const code = `// --- cell computeCost ---\nexport function computeCost(X, y, theta) { /* run ${i} */ return ${i % 13}; }\n`;
  const impl = (name, used) => ({
    name,
    theta: [-3.63 + i * 1e-6, 1.17],
    history,
    metrics: { trainCost: 4.48 + (i % 100) / 1000, testCost: 4.9 },
    wallTimeMs: 12.5,
    backend: used,
  });
  return {
    schemaVersion: 2,
    runId: `bench-${String(i).padStart(6, "0")}`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    lessonId,
    experimentId: i % 5 === 0 ? "fit-normalized" : "fit",
    seed: 42,
    split: { test: 0.2, seed: 7 },
    // The shipped dataset's checksum: an import recomputes and checks it.
    dataset: {
      id: "city-profits",
      version: 1,
      sha256: "cdbddf9ffc2a24befcfe933160b7c54bbb58c2389751c6a135e5629393367bf0",
    },
    code: { text: code, sha256: sha256(code) },
    params: { alpha: [0.001, 0.01, 0.1][i % 3], iterations: 1500 },
    backend: { requested: "auto", used: backend, skipped: [], tfjsVersion: "4.22.0" },
    environment: {
      userAgent: "bench",
      hardwareConcurrency: 2,
      crossOriginIsolated: true,
      appVersion: "0.1.0",
      appCommit: "bench",
    },
    implementations: [impl("learner", "js"), impl("reference", backend)],
    maxAbsThetaDiff: 1e-6,
    timings: { totalMs: 300 },
    tags: i % 10 === 0 ? ["baseline"] : [],
    note: i % 50 === 0 ? "tried a smaller learning rate" : "",
    artifactIds: [],
  };
}

/** The run's three artifacts (parameters of each implementation, loss history), versioned per lesson and name. */
function makeArtifacts(run, versions) {
  const files = [
    ...run.implementations.map((impl) => ({
      name: `${run.experimentId}-parameters-${impl.name}`,
      mediaType: "application/json",
      text: JSON.stringify({ runId: run.runId, implementation: impl.name, theta: impl.theta }) + "\n",
    })),
    {
      name: `${run.experimentId}-loss-history`,
      mediaType: "text/csv",
      text:
        [
          "implementation,step,loss",
          ...run.implementations.flatMap((m) => m.history.map((h) => `${m.name},${h.step},${h.loss}`)),
        ].join("\n") + "\n",
    },
  ];
  return files.map((file) => {
    const key = `${run.lessonId}/${file.name}`;
    const version = (versions.get(key) ?? 0) + 1;
    versions.set(key, version);
    const id = `${key}@v${version}`;
    run.artifactIds.push(id);
    return {
      schemaVersion: 1,
      id,
      lessonId: run.lessonId,
      name: file.name,
      version,
      runId: run.runId,
      mediaType: file.mediaType,
      bytes: Buffer.byteLength(file.text),
      sha256: sha256(file.text),
      createdAt: run.createdAt,
      text: file.text,
    };
  });
}

/** Writes the export files, `PART` runs (and their artifacts) each; their paths and total size. */
async function writeExportFiles() {
  const versions = new Map();
  const dir = await mkdtemp(join(tmpdir(), "bench-runs-"));
  const paths = [];
  let bytes = 0;
  for (let from = 0; from < RUNS; from += PART) {
    const runs = [];
    const artifacts = [];
    for (let i = from; i < Math.min(RUNS, from + PART); i++) {
      const run = makeRun(i);
      artifacts.push(...makeArtifacts(run, versions));
      runs.push(run);
    }
    const file = {
      format: "ml-notebook-runs",
      formatVersion: 2,
      exportedAt: new Date().toISOString(),
      appVersion: "bench",
      runs,
      artifacts,
    };
    const path = join(dir, `runs-${paths.length + 1}.json`);
    const text = JSON.stringify(file);
    await writeFile(path, text);
    paths.push({ path, count: runs.length });
    bytes += text.length;
  }
  return { paths, bytes };
}

function startServer() {
  const server = spawn(
    "node_modules/.bin/vite",
    ["preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => String(chunk).includes(String(PORT)) && resolve(server));
    server.on("exit", (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
}

/** In the page: ms from `#/runs` to the first run row, after leaving the page. */
function measureOpen(page) {
  return page.evaluate(async () => {
    location.hash = "#/";
    await new Promise((r) => setTimeout(r, 300));
    const start = performance.now();
    location.hash = "#/runs";
    await new Promise((resolve) => {
      const found = () => document.querySelector('table[aria-label="Runs"] tbody tr:not([aria-hidden]) a');
      if (found()) return resolve();
      const observer = new MutationObserver(() => found() && (observer.disconnect(), resolve()));
      observer.observe(document.body, { childList: true, subtree: true });
    });
    return performance.now() - start;
  });
}

/** In the page: ms from typing `text` into Filter runs to the count line and rows showing the result. */
function measureFilter(page, text) {
  return page.evaluate(async (value) => {
    const input = document.querySelector('input[aria-label="Filter runs"]');
    const count = input.parentElement.querySelector("[aria-live]");
    const before = count.textContent;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const start = performance.now();
    setter.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => {
      if (count.textContent !== before) return resolve();
      const observer = new MutationObserver(() => count.textContent !== before && (observer.disconnect(), resolve()));
      observer.observe(count, { childList: true, subtree: true, characterData: true });
    });
    await new Promise((r) => requestAnimationFrame(() => r()));
    return { ms: performance.now() - start, shown: count.textContent };
  }, text);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Imports every part in turn; total time, longest gap between frames and long tasks over 200 ms. */
async function importFiles(page, paths) {
  await page.goto(`http://127.0.0.1:${PORT}/#/runs`);
  await page.getByRole("table", { name: "Runs" }).waitFor();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      const label = document.querySelector("progress")?.getAttribute("aria-label") ?? "after";
      for (const e of list.getEntries()) window.__long.push(`${label} ${e.duration.toFixed(0)} ms`);
    }).observe({ type: "longtask" });
    window.__gaps = { max: 0, last: performance.now(), on: true };
    const tick = (t) => {
      const g = window.__gaps;
      g.max = Math.max(g.max, t - g.last);
      g.last = t;
      if (g.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const start = Date.now();
  for (const { path, count } of paths) {
    await page.getByLabel("Import runs (JSON)").setInputFiles(path);
    await page
      .getByRole("status")
      .filter({ hasText: `Imported ${count} runs from ${basename(path)}` })
      .waitFor({ timeout: 600_000 });
  }
  const importMs = Date.now() - start;
  const gap = await page.evaluate(() => ((window.__gaps.on = false), window.__gaps.max));
  const longTasks = await page.evaluate(() => window.__long.filter((t) => Number(t.split(" ").at(-2)) >= 200));
  return { importMs, gap, longTasks };
}

async function main() {
  const { paths, bytes } = await writeExportFiles();
  console.log(
    `export files: ${RUNS} runs, ${RUNS * 3} artifacts, ${(bytes / 1e6).toFixed(1)} MB in ${paths.length} parts`,
  );
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
    const { importMs, gap, longTasks } = await importFiles(page, paths);
    console.log(`import: ${importMs} ms, longest gap between frames ${gap.toFixed(0)} ms`);
    console.log(`long tasks over 200 ms during import (phase shown after each): ${longTasks.join("; ") || "none"}`);
    await measureOpen(page);
    const opens = [];
    for (let i = 0; i < 5; i++) opens.push(await measureOpen(page));
    console.log(
      `Runs page open (first row), 5 tries: median ${median(opens).toFixed(0)} ms, max ${Math.max(...opens).toFixed(0)} ms`,
    );
    await page.getByText(`${RUNS} of ${RUNS} runs`).waitFor();
    for (const filter of ["backend:cpu", "tag:baseline", "lesson:logistic-regression", "smaller learning", ""]) {
      const { ms, shown } = await measureFilter(page, filter);
      console.log(`filter ${JSON.stringify(filter).padEnd(30)} ${ms.toFixed(0).padStart(5)} ms  (${shown})`);
    }
    await page.reload();
    const cold = await page.evaluate(async () => {
      await new Promise((resolve) => {
        const found = () => document.querySelector('table[aria-label="Runs"] tbody tr:not([aria-hidden]) a');
        if (found()) return resolve();
        const observer = new MutationObserver(() => found() && (observer.disconnect(), resolve()));
        observer.observe(document.body, { childList: true, subtree: true });
      });
      return performance.now();
    });
    console.log(`page load on #/runs to first row (cold tab): ${cold.toFixed(0)} ms`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
