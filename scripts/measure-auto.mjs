// Auto against the fastest backend on every lesson's experiment (issue 9): for
// each experiment, the median time from `Run experiment` to its results on
// WASM, CPU and Auto, in one browser context (Auto calibrates once per device,
// like a learner's browser; that first calibrating run is left out), against
// the production build. WebGPU is left out here: on these machines it is the
// software adapter, 50-100x slower (MEASURE_WEBGPU=1 adds it). A measurement,
// not a test: it prints a table and exits 0.
//
//   npm run build && node scripts/measure-auto.mjs      (RUNS=5 for steadier medians;
//   LESSONS=id,id for some lessons only)
import { launchChromium, median, serveDist, timeExperimentRun } from "./perf-support.mjs";

const RUNS = Number(process.env.RUNS ?? 3);
const BACKENDS = ["wasm", "cpu", ...(process.env.MEASURE_WEBGPU ? ["webgpu"] : []), "auto"];
const server = await serveDist();
const browser = await launchChromium();
const context = await browser.newContext({ serviceWorkers: "block" });
const page = await context.newPage();

async function openSolved(lessonId, backend) {
  await page.goto(`${server.url}/?backend=${backend}#/lesson/${lessonId}`);
  const exercises = page.getByRole("region", { name: /^Exercise / });
  await exercises.first().getByRole("button", { name: "Run checks" }).waitFor();
  for (const region of await exercises.all()) {
    await region.getByRole("button", { name: "Show solution" }).click();
    await region.getByRole("button", { name: "Replace with solution" }).click();
  }
  return page.getByRole("region", { name: /^Experiment / }).all();
}

try {
  await page.goto(`${server.url}/#/`);
  const lessons = (
    await page
      .locator("a[href^='#/lesson/']")
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href").replace("#/lesson/", "")))])
  ).filter((id) => !process.env.LESSONS || process.env.LESSONS.split(",").includes(id));
  // Calibrate Auto once, as a learner's first Auto run would.
  const [first] = await openSolved(lessons[0], "auto");
  await timeExperimentRun(first);
  const rows = [];
  for (const lessonId of lessons) {
    const times = {};
    let used = "";
    let names = [];
    for (const backend of BACKENDS) {
      const regions = await openSolved(lessonId, backend);
      names = await Promise.all(regions.map((r) => r.getAttribute("aria-label")));
      for (const [i, region] of regions.entries()) {
        const runs = [];
        for (let r = 0; r < RUNS; r++) {
          await page.waitForTimeout(1500); // the spare kernel warms up, as between a learner's clicks
          runs.push(await timeExperimentRun(region));
        }
        (times[names[i]] ??= {})[backend] = median(runs);
        if (backend === "auto")
          used = await region
            .getByText(/^Backend used: /)
            .first()
            .innerText();
        times[names[i]].autoUsed = /Backend used: (\w+)/.exec(used)?.[1];
      }
    }
    for (const [name, t] of Object.entries(times)) rows.push({ lessonId, name, ...t });
  }
  console.log(`lesson / experiment | ${BACKENDS.join(" ms | ")} ms | Auto used | fastest | Auto vs fastest`);
  for (const row of rows) {
    const fixed = BACKENDS.filter((b) => b !== "auto");
    const fastest = fixed.reduce((a, b) => (row[b] < row[a] ? b : a));
    const ratio = row.auto / row[fastest] - 1;
    const cells = BACKENDS.map((b) => Math.round(row[b]));
    console.log(
      `${row.lessonId} / ${row.name.replace("Experiment ", "")} | ${cells.join(" | ")} | ${row.autoUsed} | ${fastest} | ${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(0)}%`,
    );
  }
  console.log(JSON.stringify(rows));
} finally {
  await browser.close();
  await server.stop();
}
