// Prints the app's user-facing speed figures, measured in real Chromium against
// the production build: first-page JS size (gzip), time from navigation to the
// first editable exercise, and Run-checks latency (median of 7).
//
//   npm run build && (npm run preview &) && node scripts/measure-ui.mjs
//
// CHROMIUM_PATH picks the browser (default /usr/bin/chromium); BASE_URL the server.
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:4173";
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const lessonUrl = `${baseURL}/#/lesson/linear-regression-one-variable`;

function firstPageJsGzip() {
  const html = readFileSync("dist/index.html", "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = scripts.map((file) => gzipSync(readFileSync(`dist/${file}`)).length);
  return { files: scripts.length, kB: bytes.reduce((a, b) => a + b, 0) / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ["--disable-background-networking", "--no-first-run"],
});
const editable = [];
for (let i = 0; i < 5; i++) {
  // A fresh context each time: a first visit, nothing cached.
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(lessonUrl);
  await page.locator("[aria-label='Exercise computeCost'] .code-editor[data-ready=true]").waitFor();
  editable.push(Date.now() - start);
  await context.close();
}

const page = await browser.newPage();
await page.goto(lessonUrl);
await page.locator("[aria-label='Exercise computeCost'] .code-editor[data-ready=true]").waitFor();
const latencies = [];
for (let i = 0; i < 7; i++) {
  // Measured in the page: from the click to the commit that ends the run (aria-busy true -> false).
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const region = document.querySelector("[aria-label='Exercise computeCost']");
        const button = [...region.querySelectorAll("button")].find((b) => b.textContent === "Run checks");
        let sawBusy = false;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (region.getAttribute("aria-busy") === "true") sawBusy = true;
          else if (sawBusy) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(region, { attributes: true, attributeFilter: ["aria-busy"] });
        button.click();
      }),
  );
  latencies.push(Math.round(ms));
  await page.waitForTimeout(200);
}
await browser.close();

const js = firstPageJsGzip();
const all = (values) => values.join(", ");
console.log(`first-page JS: ${js.kB.toFixed(1)} kB gzip in ${js.files} files`);
console.log(`navigation -> first editable exercise: median ${median(editable)} ms (first visits: ${all(editable)})`);
console.log(`Run checks -> verdict shown: median ${median(latencies)} ms (runs: ${all(latencies)})`);
