import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { findNginx } from "./e2e/support/nginx-server";

/**
 * The deploy check (`npm run test:nginx`, after `npm run build`): dist/ served
 * by nginx with the repository's nginx.conf (e2e/nginx.spec.ts starts and stops
 * it), in the same Chromium as the other end-to-end tests. Without nginx the
 * test is skipped locally; in CI (.ci/run installs nginx) it is required.
 */
const chromium = base.projects?.find((project) => project.name === "chromium-no-webgpu");
if (!chromium)
  throw new Error("playwright.nginx.config.ts: the chromium-no-webgpu project of playwright.config.ts is gone");

if (!findNginx()) {
  if (process.env.CI) throw new Error("test:nginx: nginx is required in CI; .ci/run installs it with apt-get");
  console.warn(
    "test:nginx: nginx is not installed, so the deploy test is SKIPPED. Install it with `sudo apt-get install -y nginx`.",
  );
}

export default defineConfig({
  ...base,
  testMatch: /nginx\.spec\.ts/,
  workers: 1,
  webServer: undefined,
  // The offline reload through nginx needs the service worker the main config blocks.
  use: { ...base.use, serviceWorkers: "allow" },
  projects: [{ name: "nginx", use: chromium.use }],
});
