import { expect, LESSON_1, test } from "./support/fixtures";

// This project launches Chromium without --enable-unsafe-webgpu: navigator.gpu
// exists but requestAdapter() returns null on this machine (PLATFORM.md).
// Auto then picks whichever of WASM and CPU its calibration measured faster
// for this experiment's size: on a small problem either may win.
test("Auto falls back from WebGPU and says why", async ({ lessonPage, page }) => {
  test.setTimeout(120_000);
  await lessonPage.open(LESSON_1, "auto");
  await expect(page.getByRole("combobox", { name: "Backend" })).toHaveValue("auto");
  await lessonPage.showSolution("computeCost");
  await lessonPage.showSolution("gradientDescent");
  const results = await lessonPage.runExperiment("fit");
  const region = lessonPage.experiment("fit");
  await expect(region).toContainText("Skipped webgpu:");
  await expect(region).toContainText(/no WebGPU adapter|no WebGPU/);
  await expect(lessonPage.referenceBackend(results)).toHaveText(/^(wasm|cpu)$/);
  await expect(region).toContainText("(requested auto)");
});
