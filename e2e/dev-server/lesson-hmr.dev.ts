/**
 * Under `npm run dev`, saving a lesson file updates the open page in place:
 * no reload, the new text shows, a new exercise appears, the catalogue gets
 * the new title, and what the learner just typed (not yet autosaved) stays.
 */
import { expect, test } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LessonPage } from "../support/lesson-page";
import { HMR_LESSONS_DIR } from "./paths";

const file = join(HMR_LESSONS_DIR, "01-linear-regression-one-variable.md");

test("saving a lesson file updates the open lesson and the catalogue in place, keeping the learner's typing", async ({
  page,
}) => {
  const original = readFileSync(file, "utf8");
  const lessonPage = new LessonPage(page);
  await lessonPage.open("linear-regression-one-variable");
  await lessonPage.editor("gradientDescent");
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));

  await lessonPage.typeCode("gradientDescent", "export const draftMarker = 2468;");
  // Saved at once, well within the 400 ms autosave delay of the typing above.
  const edited = original
    .replace(/^title: .*$/m, "title: Linear regression, edited")
    .replace(/^# Linear regression with one variable$/m, "# Linear regression, edited")
    .replace(
      "## The cost function",
      "Saved while you typed.\n\n```ts exercise id=brandNew\nexport const brandNew = 1;\n```\n\n## The cost function",
    );
  writeFileSync(file, edited);

  await expect(page.getByText("Saved while you typed.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linear regression, edited");
  await expect(lessonPage.exercise("brandNew")).toBeVisible();
  await expect(lessonPage.exercise("gradientDescent")).toContainText("draftMarker = 2468");
  await page.getByRole("link", { name: "Lessons" }).click();
  await expect(page.getByRole("link", { name: "Linear regression, edited" })).toBeVisible();
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);

  writeFileSync(file, original);
  await expect(page.getByRole("link", { name: "Linear regression with one variable" })).toBeVisible();
});
