/**
 * Fault suite, part 2 (two tabs and a database upgrade): two pages of one
 * browser context stand for two tabs of the notebook. Each case logs one
 * `FAULT <case>: held: ...` line with what it measured.
 */
import type { BrowserContext } from "@playwright/test";
import { expect, LESSON_1, test } from "./support/fixtures";
import { held, storeRawDraft } from "./support/faults";
import { LessonPage } from "./support/lesson-page";

const EXERCISE = "gradientDescent";

/** A second tab of the notebook on lesson 1. */
async function secondTab(context: BrowserContext): Promise<LessonPage> {
  const tab = new LessonPage(await context.newPage());
  await tab.open(LESSON_1);
  return tab;
}

/** The exercise's code as the editor shows it (Monaco renders spaces as non-breaking ones). */
async function editorText(tab: LessonPage): Promise<string> {
  await tab.editor(EXERCISE);
  const text = await tab.exercise(EXERCISE).locator(".view-lines").innerText();
  return text.replace(/\u00a0/g, " ");
}

test.describe("fault suite: two tabs", () => {
  test("an edit saved in one tab shows in the other", async ({ page, context, lessonPage }, info) => {
    await lessonPage.open(LESSON_1);
    const other = await secondTab(context);
    await lessonPage.typeCode(EXERCISE, "export const savedInTabA = 1;");
    const started = Date.now();
    await expect(other.exercise(EXERCISE)).toContainText("savedInTabA = 1", { timeout: 10_000 });
    const shownAfter = Date.now() - started;
    await expect(other.page.getByRole("alertdialog", { name: "Edit conflict" })).toHaveCount(0);
    await other.page.reload();
    await expect(other.exercise(EXERCISE)).toContainText("savedInTabA = 1");
    await expect(page.getByRole("alertdialog", { name: "Edit conflict" })).toHaveCount(0);
    held(info, `tab B showed tab A's saved edit ${shownAfter} ms after typing ended (autosave waits 400 ms)`);
  });

  test("a conflicting edit gets a visible choice with both texts, and the choice reaches both tabs", async ({
    page,
    context,
    lessonPage,
  }, info) => {
    await lessonPage.open(LESSON_1);
    const other = await secondTab(context);
    // Both tabs change the exercise before either hears of the other's save.
    await Promise.all([
      lessonPage.typeCode(EXERCISE, "export const typedInTabA = 1;"),
      other.typeCode(EXERCISE, "export const typedInTabB = 2;"),
    ]);
    const dialogs = [page, other.page].map((p) => p.getByRole("alertdialog", { name: "Edit conflict" }));
    await expect.poll(async () => (await dialogs[0].count()) + (await dialogs[1].count()), { timeout: 10_000 }).toBe(1);
    const loser = (await dialogs[0].count()) === 1 ? 0 : 1;
    const [mine, theirs] = loser === 0 ? ["typedInTabA", "typedInTabB"] : ["typedInTabB", "typedInTabA"];
    const dialog = dialogs[loser];
    await expect(dialog.getByRole("figure", { name: "Your version (this tab)" })).toContainText(`${mine} =`);
    await expect(dialog.getByRole("figure", { name: "Their version (other tab)" })).toContainText(`${theirs} =`);
    // Nothing was overwritten silently: the conflicted tab still shows its own text.
    const tabs = [lessonPage, other];
    await expect(tabs[loser].exercise(EXERCISE).locator(".view-lines")).toContainText(mine);
    await dialog.getByRole("button", { name: "Keep mine" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(tabs[1 - loser].exercise(EXERCISE).locator(".view-lines")).toContainText(mine, { timeout: 10_000 });
    await tabs[1 - loser].page.reload();
    expect(await editorText(tabs[1 - loser])).toContain(`export const ${mine}`);
    held(info, `tab ${"AB"[loser]} was asked (both texts shown); "Keep mine" was saved and adopted by the other tab`);
  });

  test("text typed while another tab upgrades the database survives the reload the app asks for", async ({
    page,
    context,
    lessonPage,
  }, info) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode(EXERCISE, "export const beforeUpgrade = 1;");
    await page.waitForTimeout(600);
    const newer = await context.newPage();
    await newer.goto("/404-not-the-app");
    // A newer version of the app: the notebook's database one version up, opened from another tab.
    const version = await newer.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const probe = indexedDB.open("ml-notebook");
          probe.onsuccess = () => {
            const next = probe.result.version + 1;
            probe.result.close();
            const open = indexedDB.open("ml-notebook", next);
            open.onupgradeneeded = () => open.result.createObjectStore("from-a-newer-version");
            open.onsuccess = () => (open.result.close(), resolve(next));
            open.onerror = () => reject(open.error);
          };
        }),
    );
    await lessonPage.typeCode(EXERCISE, "export const typedDuringUpgrade = 2;");
    await page.waitForTimeout(50);
    await page.reload();
    await expect(lessonPage.exercise(EXERCISE)).toContainText("typedDuringUpgrade = 2");
    await expect(page.getByRole("alert").filter({ hasText: "newer version" }).first()).toBeVisible();
    const journal = await page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.includes("draft-journal"))
        .map(([, value]) => value),
    );
    expect(journal.join("\n")).toContain("typedDuringUpgrade = 2");
    held(
      info,
      `database upgraded to version ${version} by another tab; the text typed after it is in the editor after the reload, and kept in the journal for the newer app to store`,
    );
  });
});

test.describe("fault suite: a damaged draft and the journal", () => {
  test("text typed over a damaged draft is in the editor after a reload, and Download and replace saves it", async ({
    page,
    lessonPage,
  }, info) => {
    await lessonPage.open(LESSON_1);
    await storeRawDraft(page, {
      schemaVersion: 1,
      lessonId: LESSON_1,
      exerciseId: EXERCISE,
      code: 42,
      hintsRevealed: 0,
      updatedAt: "2026-11-03T09:00:00.000Z",
    });
    await page.reload();
    const damaged = page.getByRole("region", { name: "Damaged records" });
    await expect(damaged).toContainText("is damaged");
    await lessonPage.typeCode(EXERCISE, "export const typedOverDamage = 77;");
    await page.waitForTimeout(50);
    await page.reload();
    await expect(lessonPage.exercise(EXERCISE)).toContainText("typedOverDamage = 77");
    await damaged.getByRole("button", { name: "Download and replace" }).click();
    await expect(damaged.getByRole("status")).toContainText("the record was replaced");
    await page.reload();
    await expect(lessonPage.exercise(EXERCISE)).toContainText("typedOverDamage = 77");
    await expect(page.getByRole("region", { name: "Damaged records" })).toHaveCount(0);
    held(
      info,
      "the journal's text (not the starter) was shown over the damaged draft and saved by Download and replace",
    );
  });
});
