/** Builds the app into a folder outside the repository, for tests that need a second, different build. */
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs `vite build` into a new temporary folder with extra environment
 * variables (e.g. APP_VERSION, which vite.config.ts shows in the footer) and
 * returns the folder.
 */
export async function buildApp(env: Record<string, string>): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "ml-notebook-build-"));
  const vite = join(REPO_ROOT, "node_modules", "vite", "bin", "vite.js");
  await run(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return outDir;
}
