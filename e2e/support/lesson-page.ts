/** Page object of a lesson page, driven by roles and accessible names only (DESIGN.md UI contract). */
import { expect, type Locator, type Page } from "@playwright/test";

export class LessonPage {
  constructor(readonly page: Page) {}

  async open(lessonId: string, backend?: "auto" | "webgpu" | "wasm" | "cpu"): Promise<void> {
    await this.page.goto(`/${backend ? `?backend=${backend}` : ""}#/lesson/${lessonId}`);
    await expect(this.exercises().first().getByRole("button", { name: "Run checks" })).toBeVisible();
  }

  /** Every exercise region of the page, in order. */
  exercises(): Locator {
    return this.page.getByRole("region", { name: /^Exercise / });
  }

  /** Solves every exercise through the UI (Show solution, then Run checks) and expects all checks to pass. */
  async solveAll(): Promise<string[]> {
    const names = await this.exercises().evaluateAll((regions) =>
      regions.map((r) => r.getAttribute("aria-label")!.replace(/^Exercise /, "")),
    );
    for (const id of names) await this.showSolution(id);
    for (const id of names) {
      await this.runChecks(id);
      await expect(this.verdict(id)).toContainText(/All \d+ checks passed/, { timeout: 30_000 });
    }
    return names;
  }

  exercise(id: string): Locator {
    return this.page.getByRole("region", { name: `Exercise ${id}` });
  }

  experiment(id: string): Locator {
    return this.page.getByRole("region", { name: `Experiment ${id}` });
  }

  verdict(id: string): Locator {
    return this.exercise(id).getByRole("status");
  }

  /** The Monaco text area of an exercise, once the editor has loaded. */
  async editor(id: string): Promise<Locator> {
    const region = this.exercise(id);
    await expect(region.locator(".code-editor[data-ready=true]")).toBeVisible();
    return region.getByRole("textbox", { name: `Code of exercise ${id}` });
  }

  /** Replaces an exercise's code by typing, as a learner would (keep `code` on one line). */
  async typeCode(id: string, code: string): Promise<void> {
    const editor = await this.editor(id);
    await editor.focus();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.type(code);
  }

  async showSolution(id: string): Promise<void> {
    const region = this.exercise(id);
    await region.getByRole("button", { name: "Show solution" }).click();
    await region.getByRole("button", { name: "Replace with solution" }).click();
  }

  async runChecks(id: string): Promise<void> {
    await this.exercise(id).getByRole("button", { name: "Run checks" }).click();
  }

  /** The "Backend used" cell of the TensorFlow.js row of an experiment's results table. */
  referenceBackend(results: Locator): Locator {
    return results
      .getByRole("row", { name: /TensorFlow\.js/ })
      .getByRole("cell")
      .first();
  }

  async runExperiment(id: string): Promise<Locator> {
    const region = this.experiment(id);
    await region.getByRole("button", { name: "Run experiment" }).click();
    const results = region.getByRole("table", { name: "Results" });
    await expect(results.getByRole("row", { name: /TensorFlow\.js/ })).toBeVisible({ timeout: 120_000 });
    return results;
  }
}
