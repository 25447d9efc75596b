import { launchChromium, serveDist } from "./perf-support.mjs";
const server = await serveDist();
const browser = await launchChromium();
const page = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
for (const id of ["linear-regression-one-variable", "logistic-regression", "regularized-logistic-regression", "support-vector-machines", "kmeans-and-pca", "k-nearest-neighbours", "optimization"]) {
  await page.goto(`${server.url}/?backend=auto#/lesson/${id}`);
  const ex = page.getByRole("region", { name: /^Exercise / });
  await ex.first().getByRole("button", { name: "Run checks" }).waitFor();
  for (const r of await ex.all()) { await r.getByRole("button", { name: "Show solution" }).click(); await r.getByRole("button", { name: "Replace with solution" }).click(); }
  const exp = page.getByRole("region", { name: /^Experiment / }).first();
  await exp.getByRole("button", { name: "Run experiment" }).click();
  await exp.getByText(/Auto chose/).waitFor({ timeout: 120000 });
  console.log(id, "|", await exp.getByText(/Auto chose/).innerText(), "| tfjs", (await exp.getByRole("row", { name: /TensorFlow/ }).innerText()).split("\t").pop());
}
await browser.close(); await server.stop();
