/**
 * The kernel runs in an opaque-origin sandboxed frame (src/kernel/kernel-host.ts),
 * in a renderer process of its own: learner code that exhausts memory during
 * `Run experiment` (120 s limit, reached long after V8's heap limit) kills
 * that process, not the page. Logs one `FAULT <case>: held: ...` line.
 */
import { expect, LESSON_1, test } from "./support/fixtures";

const ALLOCATE_FOREVER =
  "export function gradientDescent() { const keep = []; for (;;) keep.push(new Array(1e6).fill(0.5)); }";

test.describe("fault suite: out of memory", () => {
  test("code that allocates without bound during Run experiment (120 s limit) leaves the page working", async ({
    page,
    lessonPage,
  }, info) => {
    test.setTimeout(240_000);
    await lessonPage.open(LESSON_1, "cpu");
    // The kernel is not the page's: its worker belongs to an opaque ("null") origin.
    await expect.poll(() => page.workers().some((w) => w.url().startsWith("blob:null/"))).toBe(true);
    await lessonPage.typeCode("gradientDescent", ALLOCATE_FOREVER);
    // Playwright marks the whole page crashed when one of its out-of-process frames dies, and then
    // refuses to drive it; a raw CDP session still reaches the page (as scripts/measure-frame-isolation.mjs does).
    const cdp = await page.context().newCDPSession(page);
    const read = async (expression: string): Promise<unknown> => {
      const reply = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
      return reply.result.value;
    };
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number };
      let last = performance.now();
      w.maxGap = 0;
      setInterval(() => {
        w.maxGap = Math.max(w.maxGap, performance.now() - last);
        last = performance.now();
      }, 20);
    });
    const started = Date.now();
    await lessonPage.experiment("fit").getByRole("button", { name: "Run experiment" }).click();
    const regionText = (label: string) => `document.querySelector('[aria-label="${label}"]')?.innerText ?? ""`;
    await expect
      .poll(() => read(regionText("Experiment fit")), { timeout: 150_000, intervals: [500] })
      .toContain("ran out of memory");
    const reportedAfter = Date.now() - started;
    expect(await read(regionText("Experiment fit"))).toContain("the page was not affected");
    const longestStall = Math.round(Number(await read("window.maxGap")));
    expect(longestStall).toBeLessThan(2_000);
    // A fresh kernel runs the next request, in the same page: the starter's checks give a verdict.
    await read(
      `[...document.querySelector('[aria-label="Exercise computeCost"]').querySelectorAll("button")].find((b) => b.textContent === "Run checks").click()`,
    );
    await expect
      .poll(() => read(regionText("Exercise computeCost")), { timeout: 30_000, intervals: [500] })
      .toMatch(/checks? failed|failed/);
    const description = `the kernel's process died of memory ${reportedAfter} ms after Run experiment; longest page stall ${longestStall} ms; the next run worked`;
    info.annotations.push({ type: "FAULT", description });
    console.log(`FAULT out of memory in an experiment: held: ${description}`);
  });
});
