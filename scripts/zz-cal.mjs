import { launchChromium, serveDist } from "./perf-support.mjs";
const server = await serveDist();
const browser = await launchChromium();
const page = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
await page.goto(`${server.url}/?backend=auto#/lesson/k-nearest-neighbours`);
const ex = page.getByRole("region", { name: /^Exercise / });
await ex.first().getByRole("button", { name: "Run checks" }).waitFor();
for (const r of await ex.all()) { await r.getByRole("button", { name: "Show solution" }).click(); await r.getByRole("button", { name: "Replace with solution" }).click(); }
const exp = page.getByRole("region", { name: /^Experiment / }).first();
await exp.getByRole("button", { name: "Run experiment" }).click();
await exp.getByText(/Auto chose/).waitFor({ timeout: 120000 });
console.log(await page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage).filter(([k]) => /calib/i.test(k))), null, 1)));
await browser.close(); await server.stop();
