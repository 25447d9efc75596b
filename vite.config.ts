import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Cross-origin isolation (COOP + COEP) makes SharedArrayBuffer available, which
 * tfjs-backend-wasm needs for its threaded build. Sent by dev and preview servers.
 */
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

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
    return execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "unknown";
  }
}

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig({
  plugins: [tfjsWasmThreadsFix(), react()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __APP_COMMIT__: JSON.stringify(gitCommit()),
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: "es", plugins: () => [tfjsWasmThreadsFix()] },
  build: { target: "es2022", chunkSizeWarningLimit: 8000 },
  optimizeDeps: { exclude: ["@tensorflow/tfjs-backend-wasm"] },
});
