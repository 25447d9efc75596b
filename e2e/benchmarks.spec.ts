import { expect, test } from "./support/fixtures";

test("the benchmarks page measures matMul on CPU, WASM and WebGPU next to plain JavaScript", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Benchmarks" }).click();
  await expect(page).toHaveURL(/#\/bench$/);
  await page.getByRole("button", { name: "Run benchmarks" }).click();
  const table = page.getByRole("table", { name: "Benchmarks" });
  // 3 backends x 3 sizes x (tfjs + JavaScript), plus the header row.
  await expect(table.getByRole("row")).toHaveCount(19, { timeout: 150_000 });
  for (const backend of ["cpu", "wasm", "webgpu"]) {
    await expect(table.getByRole("cell", { name: `tfjs ${backend}`, exact: true })).toHaveCount(3);
  }
  const gflops = await table.locator("tbody tr td:nth-child(5)").allInnerTexts();
  expect(gflops.map(Number).every((value) => Number.isFinite(value) && value > 0)).toBe(true);
  await expect(page.getByText(/asked for wasm, used wasm .* \d+ threads?/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Run benchmarks" })).toBeEnabled();
});
