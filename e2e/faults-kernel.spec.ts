/**
 * Fault suite, part 3 (learner code that exhausts memory): each case logs one
 * `FAULT <case>: held: ...` line with what it measured.
 *
 * Measured (scripts/measure-frame-isolation.mjs, Chromium 156 here): a
 * dedicated worker shares the page's renderer process, so learner code that
 * grows the JS heap until V8's limit (about 3.5 GB, reached after 20 to 30 s)
 * takes the tab down with it; the same code in an opaque-origin sandboxed
 * iframe (or a worker that iframe starts) kills only the iframe's process and
 * the page keeps running. So the kernel runs in such a frame
 * (src/kernel/kernel-host.ts) for checks and CPU/WASM experiments; WebGPU runs
 * still use a page worker (a blob worker of an opaque-origin frame is not a
 * secure context, so it has no WebGPU).
 */
import { expect, LESSON_1, test } from "./support/fixtures";
import { cdpDriver, held, meterStalls, pageNow } from "./support/faults";

const ALLOCATE_EXPERIMENT =
  "export function gradientDescent() { const keep = []; for (;;) keep.push(new Array(1e6).fill(0.5)); }";
const ALLOCATE_FOREVER =
  "export function computeCost() { const keep = []; for (;;) keep.push(new Array(1e6).fill(0.5)); }";

test.describe("fault suite: out of memory", () => {
  test("code that allocates without bound during Run checks is ended, the page keeps working and says why", async ({
    page,
    lessonPage,
  }, info) => {
    await meterStalls(page);
    await lessonPage.open(LESSON_1);
    await expect(lessonPage.experiment("fit")).toContainText("time limit 120 s");
    await lessonPage.typeCode("computeCost", ALLOCATE_FOREVER);
    const driver = await cdpDriver(page);
    const since = await pageNow(page);
    const started = Date.now();
    await lessonPage.runChecks("computeCost");
    // The main thread stays free while the kernel allocates: a hint opens.
    await driver.click("Exercise computeCost", "Hint");
    await expect.poll(() => driver.read(`!!document.querySelector('[aria-label="Hints"]')`)).toBe(true);
    // Either the 5 s time limit ends the kernel, or (on an idle machine, allocating faster) its frame dies of memory first.
    await expect
      .poll(() => driver.text("Exercise computeCost"), { timeout: 30_000, intervals: [250] })
      .toMatch(/memory growing without bound|ran out of memory/);
    const endedAfter = Date.now() - started;
    const how = /ran out of memory/.test(await driver.text("Exercise computeCost"))
      ? "its frame died of memory"
      : "the time limit ended it";
    const longestStall = await driver.longestStallSince(since);
    // The draft was saved before the run, and a fresh kernel runs the next checks.
    await driver.reload();
    await expect
      .poll(() => driver.text("Exercise computeCost"), { timeout: 30_000 })
      .toContain("keep.push(new Array(1e6)");
    await driver.click("Exercise computeCost", "Show solution");
    await driver.click("Exercise computeCost", "Replace with solution");
    await driver.click("Exercise computeCost", "Run checks");
    await expect.poll(() => driver.text("Exercise computeCost"), { timeout: 30_000 }).toMatch(/All \d+ checks passed/);
    held(
      info,
      `${how} ${endedAfter} ms after Run checks; longest main-thread task ${longestStall} ms; the page kept working and the next run passed`,
    );
  });

  test("code that allocates without bound during Run experiment (120 s limit) leaves the page working", async ({
    page,
    lessonPage,
  }, info) => {
    test.setTimeout(240_000);
    await meterStalls(page);
    await lessonPage.open(LESSON_1, "cpu");
    // The kernel is not the page's: its worker belongs to the frame's opaque ("null") origin.
    await expect.poll(() => page.workers().some((w) => w.url().startsWith("blob:null/"))).toBe(true);
    await lessonPage.typeCode("gradientDescent", ALLOCATE_EXPERIMENT);
    const driver = await cdpDriver(page);
    const since = await pageNow(page);
    const started = Date.now();
    await lessonPage.experiment("fit").getByRole("button", { name: "Run experiment" }).click();
    await expect
      .poll(() => driver.text("Experiment fit"), { timeout: 150_000, intervals: [500] })
      .toContain("Your code ran out of memory");
    const reportedAfter = Date.now() - started;
    expect(await driver.text("Experiment fit")).toContain("the page was not affected");
    const longestStall = await driver.longestStallSince(since);
    // A fresh kernel runs the next request in the same page: the starter's checks give their verdict.
    await driver.click("Exercise computeCost", "Run checks");
    await expect
      .poll(() => driver.text("Exercise computeCost"), { timeout: 30_000 })
      .toContain("visible checks passed");
    held(
      info,
      `the kernel's frame died of memory; reported ${reportedAfter} ms after Run experiment; longest main-thread task ${longestStall} ms; the next run worked`,
    );
  });
});
