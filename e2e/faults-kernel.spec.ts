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
import { held, meterStalls, pageNow } from "./support/faults";

const ALLOCATE_EXPERIMENT =
  "export function gradientDescent() { const keep = []; for (;;) keep.push(new Array(1e6).fill(0.5)); }";
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
    // Playwright marks the whole page crashed when one of its out-of-process frames dies, and then
    // refuses to drive it; a raw CDP session still reaches the page (as scripts/measure-frame-isolation.mjs does).
    const cdp = await page.context().newCDPSession(page);
    const read = async (expression: string): Promise<unknown> => {
      const reply = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
      return reply.result.value;
    };
    const regionText = (label: string) => `document.querySelector('[aria-label="${label}"]')?.innerText ?? ""`;
    const since = await pageNow(page);
    const started = Date.now();
    await lessonPage.experiment("fit").getByRole("button", { name: "Run experiment" }).click();
    await expect
      .poll(() => read(regionText("Experiment fit")), { timeout: 150_000, intervals: [500] })
      .toContain("Your code ran out of memory");
    const reportedAfter = Date.now() - started;
    expect(await read(regionText("Experiment fit"))).toContain("the page was not affected");
    const longTasks = `Math.max(0, ...window.__longTasks.filter((t) => t.start >= ${since}).map((t) => t.duration))`;
    const longestStall = Math.round(Number(await read(longTasks)));
    // A fresh kernel runs the next request in the same page: the starter's checks give their verdict.
    await read(
      `[...document.querySelector('[aria-label="Exercise computeCost"]').querySelectorAll("button")].find((b) => b.textContent === "Run checks").click()`,
    );
    await expect
      .poll(() => read(regionText("Exercise computeCost")), { timeout: 30_000, intervals: [500] })
      .toContain("visible checks passed");
    held(
      info,
      `the kernel's frame died of memory; reported ${reportedAfter} ms after Run experiment; longest main-thread task ${longestStall} ms; the next run worked`,
    );
  });
});
