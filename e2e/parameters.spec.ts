import { expect, LESSON_1, test } from "./support/fixtures";

test.describe("interactive parameters", () => {
  test("changing a control re-runs live when the estimate allows, and each saved run carries its alpha", async ({
    lessonPage,
    page,
  }) => {
    test.setTimeout(240_000);
    await lessonPage.open(LESSON_1, "cpu");
    await lessonPage.showSolution("computeCost");
    await lessonPage.showSolution("gradientDescent");
    const region = lessonPage.experiment("fit");
    const alpha = region.getByRole("spinbutton", { name: "alpha" });
    await expect(region.getByRole("slider", { name: "alpha" })).toBeVisible();
    await expect(alpha).toHaveValue("0.01");
    // Nothing measured yet, and the lesson's estimate (1 s on CPU) is not under a second.
    await expect(region.getByText(/click Run experiment to run it with these values/)).toBeVisible();

    // A hundred iterations: the lesson's estimate scaled by 100/1500 is well under a second, so it runs live,
    // and its runs stay under a second even on a busy machine.
    await region.getByRole("spinbutton", { name: "iterations" }).fill("100");
    const results = region.getByRole("table", { name: "Results" });
    const saved = region.getByText(/^Saved as run /);
    await expect(saved).toBeVisible({ timeout: 60_000 });
    const firstRun = await saved.textContent();
    await expect(region.getByText(/Changes re-run the experiment live/)).toBeVisible();
    const yours = results.getByRole("row", { name: /Your code/ });
    const before = await yours.textContent();

    await alpha.fill("0.02");
    await expect(yours).not.toHaveText(before!, { timeout: 60_000 });
    await expect(saved).not.toHaveText(firstRun!, { timeout: 60_000 });
    await expect(region.getByLabel("Training cost by step")).toBeVisible();

    // Moving the slider again while that run goes: the run in flight is stopped, the last value runs.
    const secondRun = await saved.textContent();
    const slider = region.getByRole("slider", { name: "alpha" });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(450);
    await page.keyboard.press("ArrowRight");
    await expect(alpha).toHaveValue("0.022");
    await expect(saved).not.toHaveText(secondRun!, { timeout: 60_000 });
    await expect(region.getByRole("alert")).toHaveCount(0);

    await page.getByRole("link", { name: "Runs" }).click();
    const runs = page.getByRole("table", { name: "Runs" });
    await expect(runs.getByRole("checkbox").nth(2)).toBeVisible();
    for (const box of await runs.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "Compare" }).click();
    const parameters = page.getByRole("table", { name: "Differences" }).getByRole("row", { name: /Parameters/ });
    await expect(parameters).toContainText('"alpha":0.022,"iterations":100');
    await expect(parameters).toContainText('"alpha":0.02,');
    await expect(parameters).toContainText('"alpha":0.01,');
  });

  test("a control set beyond a live estimate says a click is needed, and the click runs with it", async ({
    lessonPage,
  }) => {
    test.setTimeout(240_000);
    await lessonPage.open(LESSON_1, "cpu");
    await lessonPage.showSolution("computeCost");
    await lessonPage.showSolution("gradientDescent");
    const region = lessonPage.experiment("fit");
    await region.getByRole("spinbutton", { name: "iterations" }).fill("100");
    const saved = region.getByText(/^Saved as run /);
    await expect(saved).toBeVisible({ timeout: 60_000 });
    await expect(region.getByText(/Changes re-run the experiment live/)).toBeVisible();
    const firstRun = await saved.textContent();

    // Ten thousand iterations: the measured run scaled by 10000/100 is well over a second.
    await region.getByRole("spinbutton", { name: "iterations" }).fill("10000");
    await expect(region.getByText(/click Run experiment to run it with these values/)).toBeVisible();
    await region.page().waitForTimeout(1_500);
    await expect(region.getByRole("button", { name: "Run experiment" })).toBeEnabled();
    await expect(saved).toHaveText(firstRun!);

    await region.getByRole("button", { name: "Run experiment" }).click();
    await expect(saved).not.toHaveText(firstRun!, { timeout: 120_000 });
  });
});
