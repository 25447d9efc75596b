import { readFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";

/** Lesson 1 as a different lesson: its own id and title, so its drafts are its own. */
const lesson1 = readFileSync(new URL("../lessons/01-linear-regression-one-variable.md", import.meta.url), "utf8");
const localLesson = (id: string, title: string) =>
  lesson1
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^# Linear regression with one variable$/m, `# ${title}`);
const lineOf = (text: string, fragment: string) => text.split("\n").findIndex((line) => line.includes(fragment)) + 1;

const good = localLesson("my-local-lesson", "My local lesson");
/** A dataset the app does not ship, and a cell with a typo in its kind. */
const broken = good
  .replace(/^datasets: \[(.*)\]$/m, "datasets: [$1, not-shipped@1]")
  .replace("## The cost function", "```ts exersize id=typo\nexport const typo = 1;\n```\n\n## The cost function");

const asFile = (name: string, text: string) => ({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });

test.describe("Open lesson file", () => {
  test("a broken file shows each problem with its line and severity, and opens nothing", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Open lesson file", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Open a lesson file" })).toBeVisible();
    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile("broken.md", broken));

    const alert = page.getByRole("alert").filter({ hasText: "broken.md was not opened" });
    await expect(alert).toContainText("2 errors");
    const problems = alert.getByRole("list", { name: "Problems in broken.md" }).getByRole("listitem");
    await expect(problems).toHaveCount(2);
    await expect(problems.nth(0)).toHaveText(
      new RegExp(
        `^Error Line ${lineOf(broken, "datasets:")}: dataset not-shipped@1 is not in this app's dataset registry`,
      ),
    );
    await expect(problems.nth(1)).toHaveText(
      new RegExp(`^Error Line ${lineOf(broken, "```ts exersize")}: unknown cell kind 'exersize'`),
    );
    await expect(page).toHaveURL(/#\/open$/);
    await expect(page.getByRole("region", { name: /^Exercise / })).toHaveCount(0);
  });

  test("a good file runs like a built-in lesson, survives a reload, and a broken version of it replaces nothing", async ({
    page,
    lessonPage,
  }) => {
    await page.goto("/#/open");
    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile("05-my-local-lesson.md", good));
    await expect(page).toHaveURL(/#\/local\/my-local-lesson$/);
    await expect(page.getByRole("heading", { level: 1, name: "My local lesson" })).toBeVisible();

    await lessonPage.showSolution("computeCost");
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.verdict("computeCost")).toContainText(/All \d+ checks passed/);
    await lessonPage.runChecks("gradientDescent");
    await expect(lessonPage.verdict("gradientDescent")).toContainText("failed");

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "My local lesson" })).toBeVisible();
    await expect(lessonPage.verdict("computeCost")).toContainText(/Last run: All \d+ checks passed/);

    // The instructor edits the file and opens it again at once: the new text shows, the learner's typing stays.
    await lessonPage.typeCode("gradientDescent", "export const draftMarker = 4321;");
    const edited = good.replace("## The cost function", "Freshly edited prose.\n\n## The cost function");
    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile("05-my-local-lesson.md", edited));
    await expect(page.getByText("Freshly edited prose.")).toBeVisible();
    await expect(lessonPage.exercise("gradientDescent")).toContainText("draftMarker = 4321");

    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile("05-my-local-lesson.md", broken));
    const alert = page.getByRole("alert").filter({ hasText: "was not opened" });
    await expect(alert).toContainText("The lesson below is unchanged.");
    await expect(alert.getByRole("listitem").first()).toContainText("Line ");
    await expect(page.getByRole("heading", { level: 1, name: "My local lesson" })).toBeVisible();
    await expect(page.getByText("Freshly edited prose.")).toBeVisible();
    await expect(lessonPage.exercise("gradientDescent")).toContainText("draftMarker = 4321");
    await page.screenshot({ path: test.info().outputPath("broken-over-good.png"), fullPage: false });

    await page.getByRole("link", { name: "Open lesson file", exact: true }).click();
    await expect(
      page.getByRole("region", { name: "Lesson files opened before" }).getByRole("link", { name: "My local lesson" }),
    ).toBeVisible();
  });

  test("a file dropped on the drop zone opens", async ({ page }) => {
    await page.goto("/#/open");
    const text = localLesson("dropped-lesson", "Dropped lesson");
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], "dropped.md", { type: "text/markdown" }));
      return transfer;
    }, text);
    const zone = page.getByRole("region", { name: "Lesson file drop zone" });
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    await expect(page).toHaveURL(/#\/local\/dropped-lesson$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dropped lesson" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Exercise computeCost" }).getByRole("button", { name: "Run checks" }),
    ).toBeVisible();
  });

  test("a good file is verified before use: solutions pass, starters fail, diagnoses fire, the experiment runs", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto("/#/open");
    const started = Date.now();
    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile("verified.md", good));
    const panel = page.getByRole("region", { name: "Lesson verification" });
    await expect(panel.getByRole("status")).toContainText(
      /^Verified in [\d.]+ s: 2 solutions pass their checks, 2 starters fail them, 8 diagnoses fire on their mistakes, 1 experiment ran on CPU$/,
      { timeout: 150_000 },
    );
    console.log(
      `lesson 1 verified in the browser in ${Date.now() - started} ms: ${await panel.getByRole("status").textContent()}`,
    );
    const report = panel.getByRole("table", { name: "Verification report" });
    const row = (label: string) =>
      report.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
    await expect(row("Solution of exercise computeCost")).toContainText(
      /passed\s*passes all 3 checks \(1 hidden check cell included\)/,
    );
    await expect(row("Starter of exercise gradientDescent")).toContainText(
      /passed\s*fails \d+ of \d+ checks, as it should/,
    );
    await expect(row("Diagnosis gd-flipped-sign of exercise gradientDescent")).toContainText(
      "fires on its mistaken variant",
    );
    await expect(row("Experiment fit on CPU")).toContainText(
      /passed\s*experiment fit: runs on CPU in \d+ ms, 0 tensors leaked/,
    );
    await expect(panel.getByRole("alert")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1, name: "My local lesson" })).toBeVisible();
  });

  test("a file whose solution is wrong opens under a warning naming the exercise and the failure, and re-opening the fixed file updates the report in place", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const solutionLine = "return la.dot(errors, errors) / (2 * m);";
    const wrong = good.replace(solutionLine, "return la.dot(errors, errors) / m;");
    await page.goto("/#/open");
    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile("wrong.md", wrong));
    const panel = page.getByRole("region", { name: "Lesson verification" });
    await expect(panel.getByRole("status")).toContainText(/^Verification failed: \d+ of \d+ runs found problems/, {
      timeout: 150_000,
    });
    await expect(panel.getByRole("alert")).toContainText("Do not give wrong.md to learners yet");
    const report = panel.getByRole("table", { name: "Verification report" });
    const solution = report
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Solution of exercise computeCost", exact: true }) });
    await expect(solution).toContainText("failed");
    await expect(solution).toContainText(
      `Line ${lineOf(wrong, 'check("cost at theta = [0, 0]"')}: exercise computeCost: the solution fails check "cost at theta = [0, 0]": expected 47.9666, got 95.93`,
    );
    const diagnosis = report.getByRole("row").filter({
      has: page.getByRole("rowheader", { name: "Diagnosis cost-divides-by-m of exercise computeCost", exact: true }),
    });
    await expect(diagnosis).toContainText("skipped");
    // Still openable, under the warning: the instructor can try it.
    await expect(page.getByRole("heading", { level: 1, name: "My local lesson" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("verification-failed.png"), fullPage: false });

    await page.getByLabel("Lesson file", { exact: true }).setInputFiles(asFile("wrong.md", good));
    await expect(panel.getByRole("status")).toContainText(/^Verified in /, { timeout: 150_000 });
    await expect(solution).toContainText(/passed\s*passes all 3 checks/);
    await expect(panel.getByRole("alert")).toHaveCount(0);
  });
});
