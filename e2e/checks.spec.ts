import { expect, LESSON_1, test } from "./support/fixtures";

test.describe("checks on lesson 1", () => {
  test("the catalogue links to lesson 1 by its title", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Linear regression with one variable" }).click();
    await expect(page.getByRole("region", { name: "Exercise computeCost" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linear regression with one variable");
  });

  test("starter code fails its checks and shows expected vs got", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.runChecks("computeCost");
    const verdict = lessonPage.verdict("computeCost");
    await expect(verdict).toContainText("failed");
    await expect(verdict).toContainText("expected");
    await expect(verdict).toContainText("got 0");
    await expect(verdict).toContainText("tolerance");
  });

  test("the solutions pass every check, also with Shift+Enter", async ({ lessonPage, page }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.showSolution("computeCost");
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.verdict("computeCost")).toContainText(/All \d+ checks passed/);
    await expect(lessonPage.verdict("computeCost")).not.toContainText("failed");

    await lessonPage.showSolution("gradientDescent");
    const editor = await lessonPage.editor("gradientDescent");
    await editor.focus();
    await page.keyboard.press("Shift+Enter");
    await expect(lessonPage.verdict("gradientDescent")).toContainText(/All \d+ checks passed/);
  });

  test("hints come one tier at a time, and Reset restores the starter", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    const region = lessonPage.exercise("computeCost");
    const hints = region.getByRole("list", { name: "Hints" }).getByRole("listitem");
    await region.getByRole("button", { name: "Hint" }).click();
    await expect(hints).toHaveCount(1);
    await region.getByRole("button", { name: "Hint" }).click();
    await expect(hints).toHaveCount(2);

    await lessonPage.showSolution("computeCost");
    await region.getByRole("button", { name: "Reset" }).click();
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.verdict("computeCost")).toContainText("failed");
  });

  test("Show solution keeps the learner's code recoverable", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode("computeCost", "export const mine = 41 + 1;");
    await lessonPage.showSolution("computeCost");
    const region = lessonPage.exercise("computeCost");
    await expect(region).not.toContainText("mine = 41");
    await region.getByRole("button", { name: "Restore my code" }).click();
    await expect(region).toContainText("mine = 41 + 1");
  });

  test("a runtime error shows its message and line in the cell", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode(
      "computeCost",
      "export function computeCost(X: number[][], y: number[], theta: number[]): number { const rows: any = null; return rows.length; }",
    );
    await lessonPage.runChecks("computeCost");
    const region = lessonPage.exercise("computeCost");
    await expect(region.locator(".cell-error").first()).toContainText("Line 1");
    await expect(region.locator(".cell-error").first()).toContainText("TypeError");
    await expect(lessonPage.verdict("computeCost")).toContainText("failed");
  });

  test("a syntax error shows its line and leaves the page working", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode("computeCost", "export function computeCost( { return 1 +; }");
    await lessonPage.runChecks("computeCost");
    const error = lessonPage.exercise("computeCost").locator(".cell-error").first();
    await expect(error).toContainText("SyntaxError");
    await expect(error).toContainText("Line 1");
  });

  test("console.log output appears under the cell, and the sandbox has no storage or network", async ({
    lessonPage,
  }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode(
      "computeCost",
      'console.log("probe", typeof indexedDB, typeof fetch, typeof caches, typeof XMLHttpRequest);',
    );
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.exercise("computeCost").getByLabel("Console output")).toContainText(
      "probe undefined undefined undefined undefined",
    );
  });

  test("an infinite loop is stopped by the time limit while the page stays responsive", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode("computeCost", "export function computeCost() { while (true) {} }");
    const region = lessonPage.exercise("computeCost");
    await lessonPage.runChecks("computeCost");
    await expect(region.getByRole("button", { name: "Stop" })).toBeVisible();
    // The main thread is free: a hint can be revealed while the loop runs.
    await region.getByRole("button", { name: "Hint" }).click();
    await expect(region.getByRole("list", { name: "Hints" })).toBeVisible();
    await expect(region.getByRole("alert")).toContainText("time limit", { timeout: 15_000 });
    await expect(region.getByRole("button", { name: "Run checks" })).toBeEnabled();
    // The kernel was restarted: the next run works.
    await lessonPage.showSolution("computeCost");
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.verdict("computeCost")).toContainText(/All \d+ checks passed/);
  });

  test("Stop ends a run at once", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode("computeCost", "export function computeCost() { while (true) {} }");
    const region = lessonPage.exercise("computeCost");
    await lessonPage.runChecks("computeCost");
    await region.getByRole("button", { name: "Stop" }).click();
    await expect(region.getByRole("alert")).toContainText("Stopped");
    await expect(region.getByRole("button", { name: "Stop" })).toHaveCount(0);
  });
});
