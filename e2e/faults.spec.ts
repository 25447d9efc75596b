/**
 * Fault suite, part 1 (bad input and damaged storage): each case feeds the
 * built app a hostile file or a damaged record, as a learner's browser could
 * meet them, and checks that nothing is written or lost, the page says why,
 * and the main thread never stalls more than 200 ms. Each case logs one
 * `FAULT <case>: held: ...` line with what it measured.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Page } from "@playwright/test";
import { expect, LESSON_1, test } from "./support/fixtures";
import { exportFile, held, longestStallSince, meterStalls, pageNow, storeRawDraft, validRun } from "./support/faults";

const MAX_STALL_MS = 200;

async function openRuns(page: Page) {
  await meterStalls(page);
  await page.goto("/#/runs");
  await expect(page.getByRole("table", { name: "Runs" })).toContainText("No runs yet");
}

/**
 * Imports a file, waits for the outcome, and returns the longest main-thread
 * stall meanwhile. The file goes through the disk: Playwright builds a File
 * from an in-memory buffer with script in the page, which itself stalls it.
 */
async function importRuns(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const path = test.info().outputPath(file.name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.buffer);
  const since = await pageNow(page);
  await page.getByLabel("Import runs (JSON)").setInputFiles(path);
  const outcome = page.getByRole("alert").or(page.getByRole("status").filter({ hasText: "Imported" }));
  await expect(outcome.first()).toBeVisible({ timeout: 30_000 });
  return longestStallSince(page, since);
}

async function expectNoRuns(page: Page) {
  await page.reload();
  await expect(page.getByRole("table", { name: "Runs" })).toContainText("No runs yet");
}

test.describe("fault suite: imports are all or nothing", () => {
  test("a run whose code was changed after its checksum imports nothing", async ({ page }, info) => {
    await openRuns(page);
    const tampered = validRun("run-2");
    (tampered.code as { text: string }).text += "// edited\n";
    const stall = await importRuns(page, exportFile([validRun("run-1"), tampered], "tampered.json"));
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Nothing imported from tampered.json: 1 problem");
    await expect(alert).toContainText("run 2: code.sha256: does not match");
    expect(stall).toBeLessThan(MAX_STALL_MS);
    await expectNoRuns(page);
    held(info, `nothing written, checksum mismatch named; longest stall ${stall.toFixed(0)} ms`);
  });

  test("a file over the size limit is refused unread", async ({ page }, info) => {
    await openRuns(page);
    const big = { name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(26_000_000, 0x20) };
    const stall = await importRuns(page, big);
    await expect(page.getByRole("alert")).toContainText("the file is 26 MB, more than an import may be (25 MB)");
    expect(stall).toBeLessThan(MAX_STALL_MS);
    await expectNoRuns(page);
    held(info, `26 MB file refused before reading; longest stall ${stall.toFixed(0)} ms`);
  });

  test("one bad run, a repeated id, a 10 MB id and 40 oversized ids import nothing, list every reason, show 20", async ({
    page,
  }, info) => {
    await openRuns(page);
    const runs = [validRun("good-1"), { ...validRun("bad-1"), seed: "x" }, validRun("good-1")];
    runs.push({ ...validRun("x"), runId: "a".repeat(10_000_000) });
    for (let i = 0; i < 40; i++) runs.push({ ...validRun(`r${i}`), lessonId: "L".repeat(250_000) });
    const stall = await importRuns(page, exportFile(runs, "mixed.json"));
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Nothing imported from mixed.json: 43 problems.");
    const lines = alert.getByRole("list", { name: "Import problems" }).getByRole("listitem");
    await expect(lines).toHaveCount(20);
    await expect(lines.nth(0)).toHaveText(/^run 2: seed: /);
    await expect(lines.nth(1)).toHaveText('run 3: runId: "good-1" already appears as run 1');
    await expect(lines.nth(2)).toHaveText(/^run 4: runId: expected a run id/);
    await expect(lines.nth(3)).toHaveText(/^run 5: lessonId: Too big/);
    await expect(alert).toContainText("…and 23 more.");
    const downloading = page.waitForEvent("download");
    await alert.getByRole("button", { name: "Download all problems" }).click();
    const all = readFileSync((await (await downloading).path())!, "utf8")
      .trim()
      .split("\n");
    expect(all).toHaveLength(43);
    expect(stall).toBeLessThan(MAX_STALL_MS);
    await expectNoRuns(page);
    held(info, `nothing written; 43 reasons, 20 shown, all downloadable; longest stall ${stall.toFixed(0)} ms`);
  });

  test("a 100,000-deep nesting is refused as too deep, not as 'not JSON'", async ({ page }, info) => {
    await openRuns(page);
    const depth = 100_000;
    const text = `{"format":"ml-notebook-runs","formatVersion":1,"runs":[${"[".repeat(depth)}${"]".repeat(depth)}]}`;
    const stall = await importRuns(page, {
      name: "deep.json",
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
    await expect(page.getByRole("alert")).toContainText("nested more than 16 levels deep");
    expect(stall).toBeLessThan(MAX_STALL_MS);
    await expectNoRuns(page);
    held(info, `refused before parsing; longest stall ${stall.toFixed(0)} ms`);
  });

  test("a valid file imports every run, and importing it again adds nothing", async ({ page }, info) => {
    await openRuns(page);
    const file = exportFile([validRun("ok-1"), validRun("ok-2")], "ok.json");
    await importRuns(page, file);
    await expect(page.getByRole("status").filter({ hasText: "Imported 2 runs from ok.json" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Runs" }).getByRole("row")).toHaveCount(3);
    await importRuns(page, file);
    await expect(
      page.getByRole("status").filter({ hasText: "Imported 0 runs from ok.json (2 already here" }),
    ).toBeVisible();
    held(info, "2 runs imported once, re-import skipped them");
  });
});

test.describe("fault suite: app files", () => {
  test("a lesson page whose code cannot load says so instead of loading forever", async ({ page }, info) => {
    await page.route(/\/assets\/LessonPage-[\w-]+\.js$/, (route) => route.abort("failed"));
    await page.goto(`/#/lesson/${LESSON_1}`);
    await expect(page.getByRole("alert")).toContainText("This lesson could not be loaded");
    await expect(page.getByText("Loading lesson…")).toHaveCount(0);
    held(info, "the lesson route showed why it could not open the lesson");
  });
});

test.describe("fault suite: lesson files", () => {
  test("a lesson file with 100,000-deep YAML is refused without freezing the page", async ({ page }, info) => {
    await meterStalls(page);
    await page.goto("/#/open");
    const lesson = readFileSync(new URL("../lessons/01-linear-regression-one-variable.md", import.meta.url), "utf8");
    const deep = lesson.replace(/^summary: .*$/m, `summary: ${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const path = info.outputPath("deep.md");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, deep);
    const since = await pageNow(page);
    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(path);
    const alert = page.getByRole("alert").filter({ hasText: "deep.md was not opened" });
    await expect(alert).toContainText("front matter nests about 100");
    const stall = await longestStallSince(page, since);
    expect(stall).toBeLessThan(MAX_STALL_MS);
    held(info, `refused unparsed, off the main thread; longest stall ${stall.toFixed(0)} ms`);
  });
});

test.describe("fault suite: damaged records", () => {
  for (const [name, value, says] of [
    ["a damaged draft", { code: 42 }, "is damaged (code:"],
    ["a draft from a newer version of the app", { schemaVersion: 2 }, "was written by a newer version of the app"],
  ] as const) {
    test(`${name} can be downloaded and replaced, after which saving works`, async ({ page, lessonPage }, info) => {
      await lessonPage.open(LESSON_1);
      const stored: Record<string, unknown> = {
        schemaVersion: 1,
        lessonId: LESSON_1,
        exerciseId: "gradientDescent",
        code: "export const oldDraft = 1;",
        hintsRevealed: 0,
        updatedAt: "2026-11-03T09:00:00.000Z",
      };
      await storeRawDraft(page, { ...stored, ...value });
      await page.reload();
      const damaged = page.getByRole("region", { name: "Damaged records" });
      await expect(damaged).toContainText(`The saved draft of gradientDescent (lesson ${LESSON_1}) ${says}`);
      await lessonPage.typeCode("gradientDescent", "export const newDraft = 5678;");
      await expect(page.getByRole("alert").filter({ hasText: "Download and replace" }).first()).toBeVisible();
      const downloading = page.waitForEvent("download");
      await damaged.getByRole("button", { name: "Download and replace" }).click();
      const copy = JSON.parse(readFileSync((await (await downloading).path())!, "utf8")) as { value: unknown };
      expect(copy.value).toMatchObject(value);
      await expect(damaged.getByRole("status")).toContainText("the record was replaced");
      await page.waitForTimeout(500);
      await page.reload();
      await expect(lessonPage.exercise("gradientDescent")).toContainText("newDraft = 5678");
      await expect(page.getByRole("region", { name: "Damaged records" })).toHaveCount(0);
      held(info, "copy downloaded, record replaced by the code in the editor, which survives a reload");
    });
  }
});

test.describe("fault suite: drafts", () => {
  test("a reload 50 ms after the last keystroke keeps the draft", async ({ page, lessonPage }, info) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode("gradientDescent", "export const typedLast = 4321;");
    await page.waitForTimeout(50);
    await page.reload();
    await expect(lessonPage.exercise("gradientDescent")).toContainText("typedLast = 4321");
    const journal = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("draft-journal")));
    expect(journal, "journal entries left after the replay").toEqual([]);
    held(info, "the journal (localStorage) kept the last keystrokes and was replayed into IndexedDB, then cleared");
  });
});
