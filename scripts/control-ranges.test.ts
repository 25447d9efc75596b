/**
 * Every shipped experiment still runs, and both implementations agree, with
 * each of its controls at the ends of its range (all at min, then all at max).
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../src/core/lesson/parse-lesson";
import { verifyLesson } from "../src/core/verification/verify-lesson";
import { cpuTfNamespace } from "../src/tfjs/cpu-namespace";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const readDataset = async (name: string) => new Uint8Array(await readFile(join(repoRoot, "public/datasets", name)));
const files = readdirSync(join(repoRoot, "lessons")).filter((f) => /^\d+-.*\.md$/.test(f));

/** The lesson's text with each controlled param of each experiment set to its control's `end`. */
function atEnds(text: string, end: "min" | "max"): string | null {
  const lesson = parseLesson(text).lesson!;
  let out = text;
  let changed = false;
  for (const experiment of lesson.experiments) {
    const controls = experiment.spec.controls ?? {};
    if (Object.keys(controls).length === 0) continue;
    const params = { ...experiment.spec.params };
    for (const [name, control] of Object.entries(controls)) params[name] = control[end];
    const start = out.indexOf(`\`\`\`yaml experiment id=${experiment.id}\n`);
    const lineStart = out.indexOf("\nparams:", start) + 1;
    const lineEnd = out.indexOf("\n", lineStart);
    const flow = Object.entries(params)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    out = `${out.slice(0, lineStart)}params: { ${flow} }${out.slice(lineEnd)}`;
    changed = true;
  }
  return changed ? out : null;
}

describe("experiment controls", () => {
  for (const file of files)
    for (const end of ["min", "max"] as const) {
      const text = atEnds(readFileSync(join(repoRoot, "lessons", file), "utf8"), end);
      if (!text) continue;
      it(`${file}: every experiment runs with its controls at ${end}`, async () => {
        const report = await verifyLesson(text, readDataset, cpuTfNamespace);
        expect(report.problems.map((p) => p.message).filter((m) => /experiment/.test(m))).toEqual([]);
      }, 180_000);
    }
});
