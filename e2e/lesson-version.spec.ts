import { readFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";

const lesson1 = readFileSync(new URL("../lessons/01-linear-regression-one-variable.md", import.meta.url), "utf8");
const v1 = lesson1
  .replace(/^id: .*$/m, "id: versioned-lesson")
  .replace(/^title: .*$/m, "title: Versioned lesson")
  .replace(/^# Linear regression with one variable$/m, "# Versioned lesson");
/** Version 2: the computeCost starter gained a line. */
const v2 = v1
  .replace(/^order: (.*)$/m, "order: $1\nversion: 2")
  .replace(
    "export function computeCost(X: number[][], y: number[], theta: number[]): number {\n",
    "export function computeCost(X: number[][], y: number[], theta: number[]): number {\n  // New in version 2: m = y.length\n",
  );
const asFile = (text: string) => ({ name: "versioned.md", mimeType: "text/markdown", buffer: Buffer.from(text) });

test("a draft written for an older lesson version: the learner sees the starter's diff and chooses", async ({
  page,
  lessonPage,
}) => {
  await page.goto("/#/open");
  await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile(v1));
  await expect(page).toHaveURL(/#\/local\/versioned-lesson$/);
  await lessonPage.typeCode("computeCost", "export const myDraft = 1;");
  await page.waitForTimeout(1_000); // the draft autosaves 400 ms after typing stops

  await page.getByRole("link", { name: "Open lesson file", exact: true }).click();
  await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile(v2));
  const notice = page.getByRole("region", { name: "Lesson updated" });
  await expect(notice).toContainText("updated to version 2");
  await expect(notice).toContainText("exercise computeCost (version 1)");
  await expect(notice.getByLabel("Starter changes of computeCost")).toContainText("+   // New in version 2");
  await expect(lessonPage.exercise("computeCost")).toContainText("myDraft");

  await notice.getByRole("button", { name: "Take the new starter" }).click();
  await expect(notice).toHaveCount(0);
  await expect(lessonPage.exercise("computeCost")).toContainText("New in version 2");

  await page.reload();
  await expect(lessonPage.exercise("computeCost")).toContainText("New in version 2");
  await expect(page.getByRole("region", { name: "Lesson updated" })).toHaveCount(0);
});
