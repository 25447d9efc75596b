import { expect, test } from "./support/fixtures";

test.describe("the curriculum", () => {
  test("the catalogue lists the lessons in order with the learner's progress", async ({ page, lessonPage }) => {
    await page.goto("/");
    const links = page.getByRole("list").first().getByRole("link");
    const titles = await links.allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(11);
    expect(titles.slice(0, 3)).toEqual([
      "Linear regression with one variable",
      "Linear regression with multiple variables",
      "Logistic regression",
    ]);
    await expect(page.getByText("0 of 2 exercises passed").first()).toBeVisible();

    await lessonPage.open("linear-regression-one-variable");
    await lessonPage.showSolution("computeCost");
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.verdict("computeCost")).toContainText(/All \d+ checks passed/);
    await page.getByRole("link", { name: "Lessons" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Linear regression with one variable" })).toContainText(
      "1 of 2 exercises passed",
    );
  });

  for (const { lessonId, experimentId } of [
    { lessonId: "logistic-regression", experimentId: "train" },
    { lessonId: "kmeans-and-pca", experimentId: "kmeans" },
  ]) {
    test(`lesson ${lessonId} can be solved through the UI and its experiment runs`, async ({ lessonPage }) => {
      test.setTimeout(180_000);
      await lessonPage.open(lessonId, "wasm");
      const solved = await lessonPage.solveAll();
      expect(solved.length).toBeGreaterThanOrEqual(2);
      const results = await lessonPage.runExperiment(experimentId);
      await expect(lessonPage.referenceBackend(results)).toHaveText("wasm");
      await expect(lessonPage.experiment(experimentId).getByRole("figure").first()).toBeVisible();
      // Plots draw once they come near the screen (charts/DeferredPlot.tsx): each one scrolled to is drawn.
      for (const figure of await lessonPage.experiment(experimentId).getByRole("figure").all()) {
        await figure.scrollIntoViewIfNeeded();
        await expect(figure).not.toHaveAttribute("aria-busy", "true");
        await expect(figure.locator("svg, canvas").first()).toBeVisible();
      }
    });
  }
});
