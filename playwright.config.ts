import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests run in real Chromium against the production build served by
 * `vite preview` (with the COOP/COEP headers). By default they use the system
 * Chromium; set CHROMIUM_PATH to another binary, or to an empty string to use
 * Playwright's own downloaded browser.
 */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// E2E_PORT / E2E_DIST let several builds be tested side by side (default: dist on 4173).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? "dist";

// Flags for a quiet, closed-network machine: no background requests to Google's hosts.
const quietFlags = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const launch = (extra: string[]) => ({
  ...(executablePath ? { executablePath } : {}),
  args: [...quietFlags, ...extra],
});

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  // CI: one retry. Two cases are load-sensitive on a 2-core machine running both workers (the SwiftShader
  // WebGPU run near the 120 s experiment limit; the sandbox's plot flood, whose render can stall past its
  // 1.5 s bound): a retry shows whether a failure repeats. A case that fails twice is red.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    // The service worker precaches ~17 MB per browser context; only the specs
    // about offline use and updates (which opt back in) need it.
    serviceWorkers: "block",
  },
  projects: [
    {
      name: "chromium-webgpu",
      testIgnore: [/no-webgpu\.spec\.ts/, /nginx\.spec\.ts/, /faults-kernel\.spec\.ts/],
      use: { launchOptions: launch(["--enable-unsafe-webgpu"]) },
    },
    {
      name: "chromium-no-webgpu",
      testMatch: /no-webgpu\.spec\.ts/,
      use: { launchOptions: launch([]) },
    },
    {
      // Learner code that exhausts memory (gigabytes, both cores busy with GC) would starve whatever
      // runs beside it on a 2-core machine: these cases run last, one at a time.
      name: "memory-faults",
      testMatch: /faults-kernel\.spec\.ts/,
      dependencies: ["chromium-webgpu", "chromium-no-webgpu"],
      use: { launchOptions: launch(["--enable-unsafe-webgpu"]) },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
