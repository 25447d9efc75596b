/**
 * `npm run lessons:check [files...]`: verifies lesson files with the app's own
 * parser and evaluation code (`verifyLesson`), reading datasets from
 * public/datasets/ and running experiments on the real tfjs CPU backend. Paths in the report are relative to the repository root.
 * Node 20 cannot run TypeScript, so scripts/lessons-check.mjs loads this file
 * through Vite's module runner and calls `main`.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import { allTasks } from "../src/core/experiments/registry";
import { lessonFileSizeProblem } from "../src/core/lesson/lesson-file-limits";
import { DATASETS } from "../src/core/ml/datasets-registry";
import { verifyLesson } from "../src/core/verification/verify-lesson";
import { cpuTfNamespace } from "../src/tfjs/cpu-namespace";
import { checkLessonFiles, defaultLessonFiles, formatDatasets, formatTasks, USAGE } from "./lessons-check-core";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/** Runs the check on `args` (file paths relative to `cwd`, or none for every lesson); prints and returns the exit code. */
export async function main(
  args: readonly string[],
  cwd: string = process.env.INIT_CWD ?? process.cwd(),
): Promise<number> {
  const listing =
    args.includes("-h") || args.includes("--help")
      ? [USAGE]
      : args.includes("--tasks")
        ? formatTasks(allTasks())
        : args.includes("--datasets")
          ? formatDatasets(DATASETS)
          : null;
  if (listing) {
    listing.forEach((line) => console.log(line));
    return 0;
  }
  const printValues = args.includes("--print-values");
  const unknown = args.find((arg) => arg.startsWith("-") && arg !== "--print-values");
  if (unknown) {
    console.log(`lessons:check: unknown option ${unknown}\n\n${USAGE}`);
    return 2;
  }
  // tfjs prints a "use tfjs-node" banner on Node outside production mode.
  tf.enableProdMode();
  const files = args.some((arg) => !arg.startsWith("-"))
    ? args
        .filter((arg) => !arg.startsWith("-"))
        .map((arg) => relative(repoRoot, isAbsolute(arg) ? arg : resolve(cwd, arg)))
    : defaultLessonFiles("lessons", await readdir(resolve(repoRoot, "lessons")));
  const readDatasetFile = async (name: string) =>
    new Uint8Array(await readFile(resolve(repoRoot, "public/datasets", name)));
  const outcome = await checkLessonFiles(files, {
    readText: async (file) => {
      // Like `Open lesson file`: an oversized file is refused before it is read.
      const problem = lessonFileSizeProblem((await stat(resolve(repoRoot, file))).size);
      if (problem) throw new Error(problem);
      return readFile(resolve(repoRoot, file), "utf8");
    },
    verify: (text) => verifyLesson(text, readDatasetFile, cpuTfNamespace, { printValues }),
  });
  for (const line of outcome.lines) console.log(line);
  return outcome.exitCode;
}
