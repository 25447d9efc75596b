import { expect, test } from "./support/fixtures";

const KNN = "k-nearest-neighbours";

test.describe("a lesson-defined experiment", () => {
  test("lesson 12's kNN experiment runs from the lesson file alone and is scored by test accuracy", async ({
    lessonPage,
  }) => {
    test.setTimeout(180_000);
    await lessonPage.open(KNN, "cpu");
    await lessonPage.showSolution("squaredDistances");
    await lessonPage.showSolution("knnPredict");
    const results = await lessonPage.runExperiment("knnVsTf");
    await expect(results.getByRole("columnheader", { name: /test accuracy/i })).toBeVisible();
    await expect(results.getByRole("row", { name: /Your code/ })).toContainText("0.8");
    await expect(results.getByRole("row", { name: /TensorFlow\.js/ })).toContainText("0.8");
    const region = lessonPage.experiment("knnVsTf");
    await expect(region).toContainText("Saved as run");
    await expect(region.locator(".cell-error")).toHaveCount(0);
  });

  test("the starter's wrong predictions are scored, not an error", async ({ lessonPage }) => {
    test.setTimeout(120_000);
    await lessonPage.open(KNN, "cpu");
    await lessonPage.showSolution("squaredDistances");
    const results = await lessonPage.runExperiment("knnVsTf");
    await expect(results.getByRole("row", { name: /Your code/ })).toBeVisible();
  });
});
