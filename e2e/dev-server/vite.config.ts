/**
 * The app's own Vite config for the dev-server HMR test, with one change: the
 * lessons are bundled from a scratch copy (HMR_LESSONS_DIR) that the test may
 * edit, instead of `lessons/`. The copy is made fresh when the server starts.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig, searchForWorkspaceRoot, type ConfigEnv, type Plugin, type UserConfig } from "vite";
import appConfig from "../../vite.config";
import { HMR_LESSONS_DIR } from "./paths";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const lessonsDir = fileURLToPath(new URL("../../lessons/", import.meta.url));
const LESSONS_GLOB = '"../../lessons/[0-9]*.md"';

/** Copies every `lessons/[0-9]*.md` into HMR_LESSONS_DIR (emptied first). */
function copyLessons(): void {
  rmSync(HMR_LESSONS_DIR, { recursive: true, force: true });
  mkdirSync(HMR_LESSONS_DIR, { recursive: true });
  for (const file of readdirSync(lessonsDir).filter((f) => /^\d.*\.md$/.test(f)))
    cpSync(lessonsDir + file, `${HMR_LESSONS_DIR}/${file}`);
}

/** Points the lesson glob of src/app/builtin-lessons.ts at the scratch copy. */
function lessonsFromScratchCopy(): Plugin {
  return {
    name: "hmr-e2e-lessons-from-scratch-copy",
    enforce: "pre",
    transform(code, id) {
      if (!id.endsWith("/src/app/builtin-lessons.ts")) return null;
      if (!code.includes(LESSONS_GLOB))
        this.error(`builtin-lessons.ts no longer globs ${LESSONS_GLOB}; update e2e/dev-server/vite.config.ts`);
      const pattern = `${relative(dirname(id), HMR_LESSONS_DIR)}/[0-9]*.md`;
      // Both globs (the build-time index and the lazily loaded texts) point at the copy.
      return { code: code.replaceAll(LESSONS_GLOB, JSON.stringify(pattern)), map: null };
    },
  };
}

export default defineConfig(async (env) => {
  copyLessons();
  // The app config may become a function of the environment; accept both forms.
  const load = appConfig as UserConfig | ((env: ConfigEnv) => UserConfig | Promise<UserConfig>);
  const base = typeof load === "function" ? await load(env) : load;
  return mergeConfig(base, {
    root: repoRoot,
    plugins: [lessonsFromScratchCopy()],
    cacheDir: "node_modules/.vite-hmr-e2e",
    // Crawl the kernel worker too, so no dependency is discovered late (that reloads the page mid-test).
    optimizeDeps: { entries: ["index.html", "src/kernel/kernel.worker.ts"] },
    server: { fs: { allow: [searchForWorkspaceRoot(repoRoot), HMR_LESSONS_DIR] } },
  } satisfies UserConfig);
});
