/**
 * Replay, artifacts, sweeps and compare (issue 8), driven by roles and names
 * only. Lesson 1's experiment is small, so each run takes well under a second
 * on CPU and WASM.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, LESSON_1, test } from "./support/fixtures";
import type { LessonPage } from "./support/lesson-page";

/** Solves lesson 1 and runs its experiment once; returns the saved run's id. */
async function runFit(lessonPage: LessonPage, backend: "cpu" | "wasm", solve = true): Promise<string> {
  await lessonPage.open(LESSON_1, backend);
  if (solve) {
    await lessonPage.showSolution("computeCost");
    await lessonPage.showSolution("gradientDescent");
  }
  const region = lessonPage.experiment("fit");
  await region.getByRole("button", { name: "Run experiment" }).click();
  const saved = region.getByText(/^Saved as run /);
  await expect(saved).toBeVisible({ timeout: 60_000 });
  return /Saved as run ([0-9a-f-]+)\./.exec((await saved.textContent())!)![1];
}

/** Opens a run page, presses Replay and expects a bit-identical verdict. */
async function expectBitIdenticalReplay(page: Page, runId: string): Promise<void> {
  await page.goto(`/#/runs/${runId}`);
  await page.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replay" })).toContainText("bit-identical", {
    timeout: 60_000,
  });
  await expect(page.getByRole("region", { name: "Replays" }).getByRole("link")).toHaveCount(1);
}

test.describe("tracking: replay, artifacts, sweeps, compare", () => {
  test("CPU and WASM runs replay bit-identical; artifacts download verified, a tampered one is refused", async ({
    lessonPage,
    page,
  }) => {
    test.setTimeout(120_000);
    const cpuRun = await runFit(lessonPage, "cpu");
    await expectBitIdenticalReplay(page, cpuRun);
    const wasmRun = await runFit(lessonPage, "wasm", false);
    await expectBitIdenticalReplay(page, wasmRun);

    const artifacts = page.getByRole("table", { name: "Artifacts" });
    await expect(artifacts.getByRole("link", { name: "Download" }).first()).toBeVisible();
    const historyRow = artifacts.getByRole("row").filter({ hasText: "fit-loss-history" });
    const downloading = page.waitForEvent("download");
    await historyRow.getByRole("link", { name: "Download" }).click();
    const csv = await readFile((await (await downloading).path())!, "utf8");
    expect(csv.split("\n")[0]).toBe("implementation,step,loss");

    await page.evaluate(async (runId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("ml-notebook");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction("artifacts", "readwrite").objectStore("artifacts");
      const all = await new Promise<{ runId: string; name: string; text: string }[]>((resolve) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result);
      });
      const target = all.find((a) => a.runId === runId && a.name.endsWith("loss-history"))!;
      store.put({ ...target, text: target.text.replace(/\d(?=\n)/, "7") });
      db.close();
    }, wasmRun);
    await page.reload();
    await expect(page.getByRole("alert")).toContainText("damaged or was altered");
    await historyRow.getByRole("link", { name: "Download" }).click();
    await expect(page.getByRole("alert")).toContainText("Download refused");
  });

  test("runs exported here and imported into a fresh browser replay bit-identical there", async ({
    lessonPage,
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const runId = await runFit(lessonPage, "cpu");
    await page.goto("/#/runs");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export runs (JSON)" }).click();
    const exported = await readFile((await (await downloading).path())!);

    const fresh = await browser.newContext({ baseURL, serviceWorkers: "block" });
    const other = await fresh.newPage();
    await other.goto("/#/runs");
    const tampered = JSON.parse(exported.toString("utf8"));
    tampered.artifacts[0].text += " ";
    await other.getByLabel("Import runs (JSON)").setInputFiles({
      name: "tampered.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    await expect(other.getByRole("alert")).toContainText("damaged or was altered");
    await expect(other.getByRole("table", { name: "Runs" })).toContainText("No runs yet");
    await other.getByLabel("Import runs (JSON)").setInputFiles({
      name: "runs.json",
      mimeType: "application/json",
      buffer: exported,
    });
    await expect(other.getByRole("status").filter({ hasText: "Imported 1 run from runs.json" })).toBeVisible();
    await other.getByRole("link", { name: `run ${runId.slice(0, 8)}` }).click();
    await other.getByRole("button", { name: "Replay" }).click();
    await expect(other.getByRole("status").filter({ hasText: "Replay" })).toContainText("bit-identical", {
      timeout: 60_000,
    });
    await fresh.close();
  });

  test("a 3-value sweep saves 3 grouped runs; compare shows the code diff and overlaid curves", async ({
    lessonPage,
    page,
  }) => {
    test.setTimeout(120_000);
    await runFit(lessonPage, "wasm");
    const region = lessonPage.experiment("fit");
    await region.getByRole("button", { name: "Sweep" }).click();
    await region.getByRole("textbox", { name: "alpha" }).fill("0.001, 0.003, 0.01");
    await expect(region).toContainText("3 combinations");
    await region.getByRole("button", { name: "Run sweep" }).click();
    const results = region.getByRole("table", { name: "Sweep results" });
    await expect(results.getByRole("link", { name: /^run / })).toHaveCount(3, { timeout: 60_000 });
    const caption = (await results.locator("caption").textContent())!;
    const sweepId = /Sweep ([0-9a-f]{8})/.exec(caption)![1];

    await lessonPage.typeCode(
      "computeCost",
      "export function computeCost(X: number[][], y: number[], theta: number[]): number { const m = y.length; let s = 0; for (let i = 0; i < m; i++) { const h = X[i].reduce((a, x, j) => a + x * theta[j], 0); s += (h - y[i]) ** 2; } return s / (2 * m); }",
    );
    await region.getByRole("button", { name: "Run experiment" }).click();
    await expect(region.getByText(/^Saved as run /)).toBeVisible({ timeout: 60_000 });

    await page.getByRole("link", { name: "Runs" }).click();
    const runs = page.getByRole("table", { name: "Runs" });
    await page.getByRole("searchbox", { name: "Filter runs" }).fill(`sweep:${sweepId}`);
    await expect(runs.getByRole("checkbox")).toHaveCount(3);
    await runs.getByRole("checkbox").first().check();
    await page.getByRole("searchbox", { name: "Filter runs" }).fill("");
    await runs.getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Compare" }).click();
    const comparison = page.getByRole("region", { name: "Comparison" });
    await expect(comparison.getByRole("table", { name: "Differences" })).toContainText("Code SHA-256");
    await expect(comparison.getByRole("region", { name: "Loss curves" }).locator(".recharts-line")).toHaveCount(4);
    const diff = comparison.getByRole("region", { name: "Code diff" });
    await expect(diff.locator(".code-diff[data-ready=true]")).toBeVisible();
    await expect(diff.locator(".monaco-diff-editor")).toBeVisible();
  });
});
