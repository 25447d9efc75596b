// Prints every figure of issue 9's table, measured in real Chromium against
// the production build (dist/), medians of RUNS (default 3) fresh browser
// contexts. A measurement, not a test: it asserts nothing and exits 0.
//
//   npm run build && npm run measure        (RUNS=5 for steadier medians)
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { benchmarksPage, launchChromium, median, nativeMatMul, serveDist } from "./perf-support.mjs";

const RUNS = Number(process.env.RUNS ?? 3);
const LESSON = "linear-regression-one-variable";
const server = await serveDist();
const url = server.url;
const browser = await launchChromium();
const fallbackEditor = (page) => page.locator("[aria-label='Exercise computeCost'] textarea.code-editor-fallback");
const monacoReady = (page) => page.locator("[aria-label='Exercise computeCost'] .code-editor[data-ready=true]");

/** Gzip (default level, as the issue measured) of every script the catalogue page loads. */
async function catalogueJs() {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const scripts = new Set();
  page.on("response", (r) => r.request().resourceType() === "script" && scripts.add(new URL(r.url()).pathname));
  await page.goto(`${url}/#/`);
  await page
    .getByRole("link", { name: /Linear regression/ })
    .first()
    .waitFor();
  await page.waitForLoadState("networkidle");
  await context.close();
  const kB = [...scripts].reduce((sum, path) => sum + gzipSync(readFileSync(`dist${path}`)).length, 0) / 1024;
  return { kB, files: scripts.size };
}

/** Navigation to lesson 1 until its first editor takes typing (fallback) and until Monaco is ready. */
async function openLesson(page) {
  const start = Date.now();
  await page.goto(`${url}/#/lesson/${LESSON}`);
  await fallbackEditor(page).or(monacoReady(page)).first().waitFor();
  const editable = Date.now() - start;
  await monacoReady(page).waitFor({ timeout: 60_000 });
  return { editable, monaco: Date.now() - start };
}

async function coldAndWarm() {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    cold.push(await openLesson(await context.newPage()));
    // Second visit: the service worker has precached the app (wait for it to control the page).
    const second = await context.newPage();
    await second.goto(`${url}/#/`);
    await second.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    await second.evaluate(() => navigator.serviceWorker.ready);
    await second.waitForTimeout(1500);
    warm.push(await openLesson(await context.newPage()));
    await context.close();
  }
  return { cold, warm };
}

/** Click `Run experiment` -> results row, lesson 1 with solutions, on `backend`; RUNS times in one page. */
async function runExperiment(backend, runs = RUNS) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${url}/?backend=${backend}#/lesson/${LESSON}`);
  for (const id of ["computeCost", "gradientDescent"]) {
    const region = page.getByRole("region", { name: `Exercise ${id}` });
    await region.getByRole("button", { name: "Show solution" }).click();
    await region.getByRole("button", { name: "Replace with solution" }).click();
  }
  const region = page.getByRole("region", { name: "Experiment fit" });
  const out = [];
  for (let i = 0; i < runs; i++) {
    await page.waitForTimeout(3000); // the spare worker warms up between runs, as between a learner's clicks
    // From the click until the run ends (its Stop button, shown while it runs, goes away) with results shown.
    const ms = await region.evaluate(
      (el) =>
        new Promise((resolve) => {
          const start = performance.now();
          const buttons = () => [...el.querySelectorAll("button")].map((b) => b.textContent);
          let sawRunning = false;
          const check = () => {
            if (buttons().includes("Stop")) sawRunning = true;
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
    const cells = await region
      .getByRole("row", { name: /TensorFlow\.js/ })
      .getByRole("cell")
      .allInnerTexts();
    const text = await region.innerText();
    out.push({
      clickToResultsMs: ms,
      used: cells[0],
      tfjsMs: Number(cells.at(-1)),
      autoReason: /Auto chose [^\n]*/.exec(text)?.[0],
    });
  }
  await context.close();
  return out;
}

try {
  const js = await catalogueJs();
  const { cold, warm } = await coldAndWarm();
  const byBackend = {};
  for (const backend of ["wasm", "cpu", "webgpu", "auto"])
    byBackend[backend] = await runExperiment(backend, backend === "webgpu" ? 1 : RUNS);
  const bench = await benchmarksPage(browser, url);
  const native = nativeMatMul([512]);
  const wasm512 = bench.rows.find((r) => r.workload === "matmul" && r.implementation === "tfjs wasm" && r.size === 512);
  const threads = bench.details.find((d) => /wasm/.test(d) && /thread/.test(d)) ?? "";

  const m = (runs, key) => Math.round(median(runs.map((r) => r[key])));
  const fastest = Object.entries(byBackend)
    .filter(([b]) => b !== "auto")
    .map(([b, runs]) => [b, m(runs, "clickToResultsMs")])
    .sort((a, b) => a[1] - b[1])[0];
  const auto = m(byBackend.auto, "clickToResultsMs");
  console.log(`figure | measured (median of ${RUNS}) | target`);
  console.log(`JS loaded by the catalogue, gzip | ${js.kB.toFixed(1)} kB in ${js.files} files | <= 80 kB`);
  console.log(`cold: navigate to lesson 1 -> first editor takes typing | ${m(cold, "editable")} ms | <= 1000 ms`);
  console.log(`cold: navigate to lesson 1 -> Monaco ready | ${m(cold, "monaco")} ms | <= 1000 ms`);
  console.log(`warm (service worker) -> first editor takes typing | ${m(warm, "editable")} ms | <= 500 ms`);
  console.log(`warm (service worker) -> Monaco ready | ${m(warm, "monaco")} ms | <= 500 ms`);
  console.log(
    `Run experiment -> results, lesson 1, WASM | ${m(byBackend.wasm, "clickToResultsMs")} ms (tfjs part ${m(byBackend.wasm, "tfjsMs")} ms) | <= 500 ms`,
  );
  for (const b of ["cpu", "webgpu"])
    console.log(`Run experiment -> results, lesson 1, ${b} | ${m(byBackend[b], "clickToResultsMs")} ms | -`);
  console.log(
    `Auto vs fastest (${fastest[0]}), lesson 1 | ${auto} ms vs ${fastest[1]} ms (${((auto / fastest[1] - 1) * 100).toFixed(0)}%), Auto used ${byBackend.auto.map((r) => r.used).join("/")}, first Auto run ${Math.round(byBackend.auto[0].clickToResultsMs)} ms (calibrates) | within 10%`,
  );
  console.log(`Auto's reason: ${byBackend.auto[0].autoReason}`);
  const nativeG = native?.rows[0]?.gflops;
  console.log(`tfjs-wasm matMul n=512 | ${wasm512?.gflops} GFLOP/s, ${threads} | >= 0.3 x native`);
  console.log(
    nativeG
      ? `native sgemm n=512 (numpy ${native.numpy}, ${native.blas}), same run | ${nativeG.toFixed(1)} GFLOP/s, ratio ${(wasm512.gflops / nativeG).toFixed(2)}`
      : "native: numpy not installed",
  );
  console.log(JSON.stringify({ js, cold, warm, byBackend, wasm512, threads, native }));
} finally {
  await browser.close();
  await server.stop();
}
