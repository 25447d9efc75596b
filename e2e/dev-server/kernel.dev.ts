/**
 * Under `npm run dev` the kernel works as in the build: checks pass with the
 * solutions, and an experiment runs on the WASM backend. (The dev server once
 * served tfjs-backend-wasm's CommonJS pthread worker to the browser unbundled,
 * and every experiment failed there while the build was fine.)
 */
import { expect, test } from "@playwright/test";
import { LessonPage } from "../support/lesson-page";

test("under the dev server, solutions pass their checks and an experiment runs on WASM", async ({ page }) => {
  const lessonPage = new LessonPage(page);
  await lessonPage.open("linear-regression-one-variable", "wasm");
  await lessonPage.solveAll();
  const results = await lessonPage.runExperiment("fit");
  await expect(results.getByRole("row", { name: /TensorFlow\.js/ })).toContainText("wasm");
  await expect(lessonPage.experiment("fit")).not.toContainText("The run failed");
});
