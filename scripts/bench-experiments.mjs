// Runs every experiment of every lesson on each tfjs backend in real Chromium
// and prints a table: backend actually used, total run time, tfjs time, your
// code's time, largest parameter difference, or the error. A smoke test of
// the curriculum on WebGPU/WASM/CPU and a cost figure per lesson.
//
//   npm run build && (npm run preview &) && node scripts/bench-experiments.mjs [cpu,wasm,webgpu]
//
// CHROMIUM_PATH picks the browser (default /usr/bin/chromium); BASE_URL the server.
// WebGPU runs on whatever adapter Chromium offers (software on machines without a GPU).
import { chromium } from "@playwright/test";

const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:4173";
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const backends = (process.argv[2] ?? "cpu,wasm,webgpu").split(",");

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ["--enable-unsafe-webgpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage();
await page.goto(`${baseURL}/`);
const lessons = await page
  .locator(".lesson-list a")
  .evaluateAll((links) => links.map((a) => a.getAttribute("href").replace("#/lesson/", "")));

const rows = [];
for (const lessonId of lessons) {
  for (const backend of backends) {
    await page.goto(`${baseURL}/?backend=${backend}#/lesson/${lessonId}`);
    await page.reload();
    const exercises = page.getByRole("region", { name: /^Exercise / });
    await exercises.first().getByRole("button", { name: "Show solution" }).waitFor();
    for (const region of await exercises.all()) {
      await region.getByRole("button", { name: "Show solution" }).click();
      await region.getByRole("button", { name: "Replace with solution" }).click();
    }
    for (const region of await page.getByRole("region", { name: /^Experiment / }).all()) {
      const id = (await region.getAttribute("aria-label")).replace("Experiment ", "");
      await region.getByRole("button", { name: "Run experiment" }).click();
      const done = region.getByRole("row", { name: /TensorFlow\.js/ }).or(region.getByRole("alert"));
      await done.first().waitFor({ timeout: 180_000 });
      const alert = await region.getByRole("alert").count();
      if (alert > 0) {
        rows.push({
          lessonId,
          id,
          backend,
          error: (await region.getByRole("alert").first().innerText()).slice(0, 120),
        });
        continue;
      }
      const text = await region.innerText();
      const cells = await region
        .getByRole("row", { name: /TensorFlow\.js/ })
        .getByRole("cell")
        .allInnerTexts();
      const mine = await region
        .getByRole("row", { name: /Your code/ })
        .getByRole("cell")
        .allInnerTexts();
      rows.push({
        lessonId,
        id,
        backend,
        used: cells[0],
        tfjsMs: cells[cells.length - 1],
        yoursMs: mine[mine.length - 1],
        totalMs: /total (\d+) ms/.exec(text)?.[1],
        maxDiff: /max \|Δθ\| = ([^\s(]+)/.exec(text)?.[1],
      });
    }
  }
}
await browser.close();
console.log("lesson / experiment | asked | used | total ms | tfjs ms | yours ms | max |Δθ|");
for (const r of rows) {
  console.log(
    r.error
      ? `${r.lessonId} / ${r.id} | ${r.backend} | ERROR ${r.error}`
      : `${r.lessonId} / ${r.id} | ${r.backend} | ${r.used} | ${r.totalMs} | ${r.tfjsMs} | ${r.yoursMs} | ${r.maxDiff}`,
  );
}
process.exitCode = rows.some((r) => r.error) ? 1 : 0;
