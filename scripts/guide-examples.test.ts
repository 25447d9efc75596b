/**
 * Every example in the authoring guide (lessons/README.md) is checked the way
 * `lessons:check` checks a lesson: the template as a whole lesson, and the
 * cell examples of the "Cells" sections gathered into one lesson under the
 * guide's own front matter example.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { verifyLesson } from "../src/core/verification/verify-lesson";
import { cpuTfNamespace } from "../src/tfjs/cpu-namespace";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const guide = readFileSync(join(repoRoot, "lessons/README.md"), "utf8");
const readDataset = async (name: string) => new Uint8Array(await readFile(join(repoRoot, "public/datasets", name)));

/** The template: the body of the five-backtick `md` fence under "## Template". */
function template(): string {
  const match = /^`````md\n([\s\S]*?)^`````$/m.exec(guide.slice(guide.indexOf("## Template")));
  if (!match) throw new Error("no template in the guide");
  return match[1];
}

/**
 * The guide's cell examples before the template, as one lesson. The tfjs and
 * experiment examples are left out: they need a lesson-defined experiment
 * (the guide's experiment names `gradientDescent`, which no example exercise exports).
 */
function cellExamples(): string {
  const body = guide.slice(0, guide.indexOf("## Template"));
  const frontMatter = /```yaml\n(---\n[\s\S]*?\n---)\n```/.exec(body)![1].replace(/\s+#.*$/gm, "");
  const cells = [...body.matchAll(/^```(ts|md) (setup|exercise|solution|check|hint|diagnosis)\b.*\n[\s\S]*?^```$/gm)];
  return `${frontMatter}\n\n# Guide examples\n\n${cells.map((c) => c[0]).join("\n\n")}\n`;
}

describe("the authoring guide's examples", () => {
  it("the template passes the checker, diagnosis included", async () => {
    const report = await verifyLesson(template(), readDataset, cpuTfNamespace);
    expect(report.problems).toEqual([]);
    expect(report.passedSteps).toContain(
      "diagnosis predict-no-intercept of exercise predict: fires on its variant, not on the solution",
    );
  }, 60_000);

  it("the cell examples (setup, exercise, solution, checks, hint, diagnosis) pass the checker together", async () => {
    const text = cellExamples();
    expect(text).toContain("```ts diagnosis for=computeCost id=cost-divides-by-m");
    const report = await verifyLesson(text, readDataset, cpuTfNamespace);
    expect(report.problems).toEqual([]);
    expect(report.passedSteps).toEqual([
      "exercise computeCost: solution passes 2 checks, starter fails",
      "diagnosis cost-divides-by-m of exercise computeCost: fires on its variant, not on the solution",
    ]);
  }, 60_000);
});
