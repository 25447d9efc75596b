/**
 * Where the dev-server HMR test keeps its copy of the lesson files: a folder
 * outside the repository, so the test never edits `lessons/` itself (other
 * tools, and people, read those files while it runs).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Port of the dev server under test (E2E_DEV_PORT overrides it). */
export const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5174);

/** The folder the dev server bundles lessons from, one per port so parallel runs do not collide. */
export const HMR_LESSONS_DIR = join(tmpdir(), `ml-notebook-hmr-lessons-${DEV_PORT}`);
