/**
 * Shared test fixture: every test records each request the page (and its
 * workers) makes, and fails if any leaves the app's own origin.
 */
import { test as base, expect } from "@playwright/test";
import { LessonPage } from "./lesson-page";

export const LESSON_1 = "linear-regression-one-variable";

export const test = base.extend<{ lessonPage: LessonPage; foreignRequests: string[] }>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      context.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, "requests to other origins").toEqual([]);
    },
    { auto: true },
  ],
  lessonPage: async ({ page }, use) => {
    await use(new LessonPage(page));
  },
});

export { expect };
