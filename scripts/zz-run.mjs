import { launchChromium, serveDist } from "./perf-support.mjs";
const server = await serveDist();
const browser = await launchChromium();
const page = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
await page.goto(`${server.url}/?backend=wasm#/lesson/linear-regression-one-variable`);
for (const id of ["computeCost", "gradientDescent"]) {
  const region = page.getByRole("region", { name: `Exercise ${id}` });
  await region.getByRole("button", { name: "Show solution" }).click();
  await region.getByRole("button", { name: "Replace with solution" }).click();
}
const region = page.getByRole("region", { name: "Experiment fit" });
for (let i = 0; i < 3; i++) {
  await page.waitForTimeout(3000);
  const t = await region.evaluate((el) => new Promise((resolve) => {
    const start = performance.now(); const marks = {};
    const obs = new MutationObserver(() => {
      const txt = el.innerText;
      if (!marks.stop && txt.includes("Stop")) marks.stop = performance.now() - start;
      if (!marks.results && el.querySelector("table")) marks.results = performance.now() - start;
      if (marks.stop && !marks.done && !txt.includes("Stop")) marks.done = performance.now() - start;
      if (!marks.saved && txt.includes("Saved as run")) { marks.saved = performance.now() - start; obs.disconnect(); resolve(marks); }
    });
    obs.observe(el, { subtree: true, childList: true, characterData: true });
    [...el.querySelectorAll("button")].find((b) => b.textContent === "Run experiment").click();
  }));
  console.log(JSON.stringify(t));
}
const text = await region.innerText();
console.log(text.split("\n").filter((l) => /ms|start|steady|Time|step/i.test(l)).slice(0, 25).join("\n"));
await browser.close(); await server.stop();
