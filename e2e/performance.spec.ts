/**
 * Issue 9's behaviours in real Chromium: Auto decides by measurement (and, on
 * this machine's software WebGPU adapter, not for WebGPU), each run gets a
 * fresh worker even though a spare is kept warm, and every lesson's tfjs
 * reference leaks no tensors on WASM.
 */
import { expect, LESSON_1, test } from "./support/fixtures";

test.describe("performance", () => {
  test("Auto on the software WebGPU adapter picks WASM or CPU and says why, with the run's cost", async ({
    lessonPage,
  }) => {
    test.setTimeout(180_000);
    await lessonPage.open(LESSON_1, "auto");
    await lessonPage.showSolution("computeCost");
    await lessonPage.showSolution("gradientDescent");
    const results = await lessonPage.runExperiment("fit");
    await expect(lessonPage.referenceBackend(results)).toHaveText(/^(wasm|cpu)$/);
    const region = lessonPage.experiment("fit");
    await expect(region).toContainText(/Auto chose (wasm|cpu): fastest estimate for/);
    await expect(region).toContainText(/WebGPU \(software adapter swiftshader\)/);
    const cost = region.getByRole("table", { name: "Cost" });
    await expect(cost.getByRole("row", { name: /tensors leaked/ })).toContainText("0");
    await expect(cost.getByRole("row", { name: /tfjs total/ })).toContainText(/[12] s/);
    // The first Auto run on a device calibrates WebGPU too, so it runs in a worker of the page. Calibrated,
    // Auto is decided on the page before the run, which then runs where the chosen backend runs.
    await expect(region).toContainText("ran in a worker of this page");
    const saved = region.getByText(/^Saved as run /);
    const firstRun = await saved.innerText();
    await region.getByRole("button", { name: "Run experiment" }).click();
    await expect(saved).not.toHaveText(firstRun, { timeout: 60_000 });
    await expect(region).toContainText("ran in a sandboxed frame (its own process)");
    await expect(region).toContainText(/Auto chose (wasm|cpu): fastest estimate for/);
  });

  test("`npm start` (vite preview) serves precompressed brotli and gzip, hashed files cached for a year", async ({
    request,
    page,
  }) => {
    await page.goto("/");
    const script = await page.locator("script[type=module]").first().getAttribute("src");
    for (const encoding of ["br", "gzip"]) {
      const response = await request.get(script!, { headers: { "Accept-Encoding": encoding } });
      const headers = response.headers();
      expect(headers["content-encoding"], encoding).toBe(encoding);
      expect(headers["cache-control"], encoding).toContain("immutable");
      expect(headers["cross-origin-opener-policy"], encoding).toBe("same-origin");
    }
  });

  test("the spare worker never carries state from one run to the next", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1, "cpu");
    await lessonPage.typeCode(
      "computeCost",
      'const g = globalThis as any; g.carried = (g.carried ?? 0) + 1; console.log("runs seen by this worker: " + g.carried); export function computeCost() { return 0; }',
    );
    const output = lessonPage.exercise("computeCost").getByLabel("Console output");
    for (let run = 0; run < 3; run++) {
      await lessonPage.runChecks("computeCost");
      await expect(lessonPage.verdict("computeCost")).toContainText("failed");
      await expect(output).toContainText("runs seen by this worker: 1");
      await expect(output).not.toContainText("runs seen by this worker: 2");
    }
  });

  test("every lesson's experiment leaks no tensors on WASM", async ({ lessonPage, page }) => {
    test.setTimeout(600_000);
    await page.goto("/#/");
    const lessons = await page
      .getByRole("link")
      .filter({ has: page.locator("xpath=self::*[starts-with(@href, '#/lesson/')]") })
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!.replace("#/lesson/", "")));
    expect(lessons.length).toBeGreaterThan(5);
    for (const lessonId of lessons) {
      await lessonPage.open(lessonId, "wasm");
      const ids = await lessonPage
        .exercises()
        .evaluateAll((regions) => regions.map((r) => r.getAttribute("aria-label")!.replace(/^Exercise /, "")));
      for (const id of ids) await lessonPage.showSolution(id);
      const experiments = page.getByRole("region", { name: /^Experiment / });
      for (const region of await experiments.all()) {
        const id = (await region.getAttribute("aria-label"))!.replace("Experiment ", "");
        await lessonPage.runExperiment(id);
        const leaked = region.getByRole("table", { name: "Cost" }).getByRole("row", { name: /tensors leaked/ });
        await expect(leaked.getByRole("cell").first(), `${lessonId} / ${id}`).toHaveText("0");
      }
    }
  });
});
