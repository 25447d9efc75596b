import { readFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";

test("a quick sweep on CPU and WASM draws the chart, fills the Auto column, is saved and exports as JSON", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Benchmarks" }).click();
  await expect(page).toHaveURL(/#\/bench$/);
  await page.getByRole("checkbox", { name: "tfjs webgpu" }).uncheck();
  await page.getByLabel("Sizes").selectOption("quick");
  await page.getByRole("button", { name: "Run sweep" }).click();
  await expect(page.getByRole("progressbar", { name: "Sweep progress" })).toBeVisible();
  const table = page.getByRole("table", { name: "Benchmark sweep" });
  // matMul at 32, 64, 128 and a GD step at 100, 1000, 10000 rows, plus the header row.
  await expect(table.getByRole("row")).toHaveCount(7, { timeout: 150_000 });
  await expect(page.getByRole("button", { name: "Run sweep" })).toBeEnabled();
  await expect(page.getByRole("figure", { name: /matMul n×n: milliseconds .* \(log axes\)/ })).toBeVisible();
  await expect(page.getByRole("figure", { name: /gradient-descent step m×20/ })).toBeVisible();
  // Cross-origin isolated, the WASM sweep computes with every core (tfjs alone would take half, at most 8).
  const cores = await page.evaluate(() => Math.min(8, navigator.hardwareConcurrency));
  await expect(page.getByText(/^asked for wasm, used wasm/)).toContainText(
    `· ${cores} thread${cores === 1 ? "" : "s"}`,
  );
  const autos = await table.locator("tbody tr td:last-child").allInnerTexts();
  expect(autos.every((text) => /^(cpu|wasm) \((measured|estimate)\)$/.test(text))).toBe(true);
  const jsTimes = await table.locator("tbody tr td:nth-child(6)").allInnerTexts();
  expect(jsTimes.map(Number).every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);

  await page.reload();
  const saved = page.getByRole("region", { name: "Saved sweeps" }).getByRole("listitem");
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText(/quick · (cpu, wasm|wasm, cpu) · 18 points/);
  const downloading = page.waitForEvent("download");
  await saved.getByRole("button", { name: "Export JSON" }).click();
  const exported = JSON.parse(readFileSync((await (await downloading).path())!, "utf8")) as {
    points: { workload: string; implementation: string }[];
    summaries: { auto: string }[];
  };
  // 6 sizes x (cpu, wasm, JavaScript).
  expect(exported.points).toHaveLength(18);
  expect(new Set(exported.points.map((p) => p.implementation))).toEqual(new Set(["cpu", "wasm", "js"]));
  expect(exported.summaries).toHaveLength(6);
  await saved.getByRole("button", { name: "Show" }).click();
  await expect(table.getByRole("row")).toHaveCount(7);
});

test("Stop ends a sweep early and keeps what it measured, saying it was stopped", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/#/bench");
  await page.getByRole("checkbox", { name: "tfjs webgpu" }).uncheck();
  await page.getByRole("checkbox", { name: "tfjs wasm" }).uncheck();
  await page.getByRole("button", { name: "Run sweep" }).click();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByText("the sweep was stopped before it finished")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Run sweep" })).toBeEnabled();
  await expect(page.getByRole("region", { name: "Saved sweeps" }).getByRole("listitem")).toHaveCount(1);
});
