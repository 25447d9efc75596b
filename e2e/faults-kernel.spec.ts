/**
 * Fault suite, part 3 (learner code that exhausts memory): each case logs one
 * `FAULT <case>: held: ...` line with what it measured.
 *
 * Measured (scripts/measure-frame-isolation.mjs, Chromium 156 here): a
 * dedicated worker shares the page's renderer process, so learner code that
 * grows the JS heap until V8's limit (about 3.5 GB, reached after 20 to 30 s)
 * takes the tab down with it; the same code in an opaque-origin sandboxed
 * iframe (or a worker that iframe starts) kills only the iframe's process and
 * the page keeps running. The kernel still runs in a page worker (see README,
 * "When things go wrong"): what holds today is the time limit, which ends the
 * worker before the heap reaches that limit.
 */
import { expect, LESSON_1, test } from "./support/fixtures";
import { held } from "./support/faults";

const ALLOCATE_FOREVER =
  "export function computeCost() { const keep = []; for (;;) keep.push(new Array(1e6).fill(0.5)); }";

test.describe("fault suite: out of memory", () => {
  test("code that allocates without bound during Run checks is ended, the page keeps working and says why", async ({
    page,
    lessonPage,
  }, info) => {
    await lessonPage.open(LESSON_1);
    await expect(lessonPage.experiment("fit")).toContainText("time limit 120 s");
    await lessonPage.typeCode("computeCost", ALLOCATE_FOREVER);
    const region = lessonPage.exercise("computeCost");
    const started = Date.now();
    await lessonPage.runChecks("computeCost");
    // The main thread stays free while the kernel allocates.
    await region.getByRole("button", { name: "Hint" }).click();
    await expect(region.getByRole("list", { name: "Hints" })).toBeVisible();
    await expect(region.getByRole("alert")).toContainText("memory growing without bound", { timeout: 30_000 });
    const endedAfter = Date.now() - started;
    // The draft was saved before the run, and a fresh kernel runs the next checks.
    await page.reload();
    await expect(region).toContainText("keep.push(new Array(1e6)");
    await lessonPage.showSolution("computeCost");
    await lessonPage.runChecks("computeCost");
    await expect(lessonPage.verdict("computeCost")).toContainText(/All \d+ checks passed/);
    held(
      info,
      `the time limit ended the kernel ${endedAfter} ms after Run checks; the page kept working and the next run passed`,
    );
  });

  test.fixme("code that allocates without bound during Run experiment (120 s limit) leaves the page working", () => {
    // Not held yet: V8's heap limit is reached in 20 to 30 s, before the 120 s limit, and the worker's
    // out-of-memory crash takes the page's renderer with it. Needs the kernel out of the page's process.
  });
});
