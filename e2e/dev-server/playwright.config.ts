import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { DEV_PORT } from "./paths";

/**
 * The end-to-end tests that need `npm run dev` rather than the build: saving
 * a lesson file updates the open page through Vite's hot module replacement,
 * and the kernel (tfjs, WASM) works under the dev server too. Run with `npm run test:e2e:dev` (E2E_DEV_PORT picks the port).
 * The dev server bundles a scratch copy of the lessons (see vite.config.ts here).
 */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export default defineConfig({
  testDir: ".",
  testMatch: /\.dev\.ts$/,
  outputDir: "../../test-results/dev-server",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${DEV_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  webServer: {
    command: `npx vite --config e2e/dev-server/vite.config.ts --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
    cwd: repoRoot,
    env: { E2E_DEV_PORT: String(DEV_PORT), VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
    url: `http://127.0.0.1:${DEV_PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
