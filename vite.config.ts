import { defineConfig, type Connect, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { lessonIndexPlugin } from "./scripts/vite-plugins/lesson-index";
import { monacoTypeScriptOnly } from "./scripts/vite-plugins/monaco-typescript-only";
import { precompress } from "./scripts/vite-plugins/precompress";
import { securityHeaders } from "./security-headers.ts";

/**
 * Every response of the dev and preview servers carries the security headers
 * (security-headers.ts): cross-origin isolation (COOP + COEP, SharedArrayBuffer
 * for tfjs-wasm threads) and the Content-Security-Policy, the kernel worker's
 * stricter one on its script.
 */
function securityHeadersPlugin(): Plugin {
  const middleware =
    (dev: boolean): Connect.NextHandleFunction =>
    (req, res, next) => {
      for (const [name, value] of Object.entries(securityHeaders(req.url ?? "/", { dev }))) res.setHeader(name, value);
      next();
    };
  return {
    name: "security-headers",
    configureServer: (server) => void server.middlewares.use(middleware(true)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(false)),
  };
}

/**
 * tfjs-backend-wasm serialises its Emscripten factory with `toString()` into a
 * Blob for its pthread workers. The minifier renames the closure variable
 * `_scriptDir` that the serialised code still refers to, so every pthread
 * worker fails with "e is not defined" and `setBackend('wasm')` hangs
 * (PLATFORM.md). The two references are not needed (tfjs passes the script as
 * `mainScriptUrlOrBlob`), so we remove them before bundling.
 */
function tfjsWasmThreadsFix(): Plugin {
  return {
    name: "tfjs-wasm-threads-fix",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("tfjs-backend-wasm-threaded-simd.js")) return null;
      const fixed = code
        .replace('if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', "")
        .replace('Module["mainScriptUrlOrBlob"]||_scriptDir', 'Module["mainScriptUrlOrBlob"]');
      if (fixed.includes("scriptDirectory=_scriptDir") || fixed.includes("||_scriptDir,")) {
        this.error("tfjs-wasm-threads-fix: the tfjs-backend-wasm source changed; update the patterns");
      }
      return { code: fixed, map: null };
    },
  };
}

function gitCommit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return "unknown";
  }
}

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
  description: string;
};

/**
 * Offline support (PLATFORM.md "PWA"): a Workbox service worker precaches the
 * whole build, worker chunks included (kernel worker and its tfjs chunk, Monaco
 * and its TypeScript worker), the .wasm files, KaTeX's woff2 fonts (every
 * browser that runs this app uses woff2, so the .woff/.ttf fallbacks are left
 * out), datasets and icons. Monaco's TS worker is about 7 MB: Workbox skips
 * files over 2 MiB unless the limit is raised. Precached responses keep the
 * server's COOP/COEP headers, so the app stays cross-origin isolated offline.
 * `prompt`: a new version waits until the learner accepts it
 * (src/ui/common/UpdatePrompt.tsx), never swapping code mid-exercise;
 * `clientsClaim` lets the very first visit be controlled without a reload.
 */
const pwa = VitePWA({
  registerType: "prompt",
  injectRegister: false,
  // The glob patterns below already precache every icon and the manifest.
  includeManifestIcons: false,
  manifest: {
    name: "ML Foundations Notebook",
    short_name: "ML Notebook",
    description: pkg.description,
    id: "/",
    start_url: "/",
    display: "standalone",
    theme_color: "#1d4ed8",
    background_color: "#ffffff",
    icons: [
      { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  },
  workbox: {
    // Monaco's icon font (codicon) exists only as .ttf.
    globPatterns: ["**/*.{js,css,html,wasm,woff2,png}", "assets/codicon-*.ttf", "datasets/*.{csv,md}"],
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    clientsClaim: true,
  },
});

export default defineConfig({
  // precompress() comes after the PWA plugin: it compresses the service worker too.
  plugins: [
    securityHeadersPlugin(),
    tfjsWasmThreadsFix(),
    lessonIndexPlugin(),
    monacoTypeScriptOnly(),
    react(),
    pwa,
    precompress(),
  ],
  define: {
    // APP_VERSION overrides the version shown (the e2e update test builds a second, newer version).
    __APP_VERSION__: JSON.stringify(process.env.APP_VERSION ?? pkg.version),
    __APP_COMMIT__: JSON.stringify(gitCommit()),
  },
  // Each worker is one file: the kernel's script is handed whole to its sandboxed frame (src/kernel/kernel-host.ts).
  worker: {
    format: "es",
    plugins: () => [tfjsWasmThreadsFix()],
    rolldownOptions: { output: { codeSplitting: false } },
  },
  build: { target: "es2022", chunkSizeWarningLimit: 8000 },
  // The dev server pre-bundles tfjs-backend-wasm like any dependency: its pthread worker source is CommonJS,
  // which the browser cannot import as is (excluding the package broke every experiment under `npm run dev`).
  // Pre-bundled code is not minified, so the threads fix above is needed only in the build.
});
