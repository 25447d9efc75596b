/**
 * Every example in the authoring guide (lessons/README.md) is checked the way
 * `lessons:check` checks a lesson: the template as a whole lesson; the cell
 * examples of the "Cells" sections (and the plot example) gathered into one
 * lesson under the guide's own front matter example; the tfjs reference and
 * experiment examples in place of lesson 1's own; and the lesson-defined
 * experiment example in place of lesson 12's.
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

/** The guide before its template: where the cell examples are. */
const body = guide.slice(0, guide.indexOf("## Template"));

/** The one fenced block of the guide whose opening line is `opening` (body and fences), or an error. */
function fencedBlock(opening: string): string {
  const start = body.indexOf(`${opening}\n`);
  if (start < 0 || body.indexOf(`${opening}\n`, start + 1) >= 0)
    throw new Error(`not exactly one ${opening} in the guide`);
  const end = body.indexOf("\n```\n", start);
  return body.slice(start, end + 4);
}

/**
 * The plot example (a plain `ts` block in "Plots") as a setup cell, with the
 * `history` it plots: a cost curve like the one the tfjs example returns.
 */
function plotExample(): string {
  const code = fencedBlock("```ts")
    .replace(/^```ts\n/, "")
    .replace(/```$/, "");
  expect(code).toContain("plot.lines(");
  const history = "const history = [0, 1, 2].map((step) => ({ step, loss: 1 / (1 + step) }));\n";
  return `\`\`\`ts setup id=plotExample\n${code.replace(/^(import .*\n)/, `$1${history}`)}\`\`\``;
}

/** The guide's cell examples before the template, with its plot example, as one lesson. */
function cellExamples(): string {
  const frontMatter = /```yaml\n(---\n[\s\S]*?\n---)\n```/.exec(body)![1].replace(/\s+#.*$/gm, "");
  const cells = [...body.matchAll(/^```(ts|md) (setup|exercise|solution|check|hint|diagnosis)\b.*\n[\s\S]*?^```$/gm)];
  return `${frontMatter}\n\n# Guide examples\n\n${[...cells.map((c) => c[0]), plotExample()].join("\n\n")}\n`;
}

const shipped = (file: string) => readFileSync(join(repoRoot, "lessons", file), "utf8");

/** A lesson's text with the cell that opens with `cellOpening` replaced by `replacement`. */
function withCell(text: string, cellOpening: RegExp, replacement: string): string {
  const start = text.search(cellOpening);
  if (start < 0) throw new Error(`the lesson has no cell ${cellOpening}`);
  const end = text.indexOf("\n```\n", start);
  return `${text.slice(0, start)}${replacement}${text.slice(end + 4)}`;
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

  it("the tfjs reference and experiment examples run lesson 1's experiment, in place of its own", async () => {
    const tfjs = fencedBlock("```ts tfjs id=gdReference");
    const experiment = fencedBlock("```yaml experiment id=gdVsTf");
    const lesson1 = shipped("01-linear-regression-one-variable.md");
    const text = withCell(
      withCell(lesson1, /^```ts tfjs id=gdReference$/m, tfjs),
      /^```yaml experiment id=fit$/m,
      experiment,
    );
    const report = await verifyLesson(text, readDataset, cpuTfNamespace);
    expect(report.problems).toEqual([]);
    expect(report.passedSteps.find((s) => s.startsWith("experiment gdVsTf:"))).toMatch(
      /^experiment gdVsTf: runs on CPU in \d+ ms, 0 tensors leaked, trainCost [\d.]+ \(yours\) vs [\d.]+ \(tfjs\)/,
    );
  }, 120_000);

  it("the lesson-defined experiment example runs as lesson 12's experiment", async () => {
    const yaml = /```yaml\n(title: Your k-nearest neighbours vs TensorFlow\.js\n[\s\S]*?)```/.exec(body)![1];
    const cell = `\`\`\`yaml experiment id=guideKnn\n${yaml}\`\`\``;
    const text = withCell(shipped("12-k-nearest-neighbours.md"), /^```yaml experiment id=knnVsTf$/m, cell);
    const report = await verifyLesson(text, readDataset, cpuTfNamespace);
    expect(report.problems).toEqual([]);
    expect(report.passedSteps.find((s) => s.startsWith("experiment guideKnn:"))).toMatch(
      /^experiment guideKnn: runs on CPU in \d+ ms, 0 tensors leaked, testAccuracy [\d.]+ \(yours\) vs [\d.]+ \(tfjs\)/,
    );
  }, 120_000);
});
