import { readFile } from "node:fs/promises";
import { expect, LESSON_1, test } from "./support/fixtures";

test.describe("the runs page", () => {
  test("two runs of the same code on the same backend agree; runs export and import into a fresh browser", async ({
    lessonPage,
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await lessonPage.open(LESSON_1, "cpu");
    await lessonPage.showSolution("computeCost");
    await lessonPage.showSolution("gradientDescent");
    for (let i = 0; i < 2; i++) {
      const region = lessonPage.experiment("fit");
      await region.getByRole("button", { name: "Run experiment" }).click();
      await expect(region).toContainText("Saved as run", { timeout: 60_000 });
      await expect(region.getByRole("button", { name: "Run experiment" })).toBeEnabled();
      if (i === 0) await page.reload();
    }

    await page.getByRole("link", { name: "Runs" }).click();
    const runs = page.getByRole("table", { name: "Runs" });
    await expect(runs.getByRole("row")).toHaveCount(3);
    for (const box of await runs.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "Compare" }).click();
    const comparison = page.getByRole("region", { name: "Comparison" });
    await expect(comparison).toContainText("these runs agree on every property and metric");

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export runs (JSON)" }).click();
    const exported = await readFile((await (await downloading).path())!);

    const fresh = await browser.newContext({ baseURL });
    const foreign: string[] = [];
    fresh.on("request", (request) => {
      if (!request.url().startsWith(new URL(baseURL!).origin) && !/^(data|blob):/.test(request.url()))
        foreign.push(request.url());
    });
    const other = await fresh.newPage();
    await other.goto("/#/runs");
    await expect(other.getByRole("table", { name: "Runs" })).toContainText("No runs yet");
    const input = other.getByLabel("Import runs (JSON)");
    await input.setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"format": "something else"'),
    });
    await expect(other.getByRole("alert")).toContainText("Nothing imported from broken.json");
    await expect(other.getByRole("table", { name: "Runs" })).toContainText("No runs yet");
    await input.setInputFiles({ name: "runs.json", mimeType: "application/json", buffer: exported });
    await expect(other.getByRole("status").filter({ hasText: "Imported 2 runs from runs.json" })).toBeVisible();
    await expect(other.getByRole("table", { name: "Runs" }).getByRole("row")).toHaveCount(3);
    await input.setInputFiles({ name: "runs.json", mimeType: "application/json", buffer: exported });
    await expect(
      other.getByRole("status").filter({ hasText: "Imported 0 runs from runs.json (2 already here" }),
    ).toBeVisible();
    await fresh.close();
    expect(foreign, "requests to other origins from the second browser").toEqual([]);
  });
});
