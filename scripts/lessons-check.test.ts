import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LessonReport } from "../src/core/verification/verify-lesson";
import { verifyLesson } from "../src/core/verification/verify-lesson";
import { cpuTfNamespace } from "../src/tfjs/cpu-namespace";
import {
  checkLessonFiles,
  defaultLessonFiles,
  formatDatasets,
  formatLessonReport,
  formatProblem,
  formatTasks,
} from "./lessons-check-core";
import { main } from "./lessons-check-cli";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const lesson1 = readFileSync(join(repoRoot, "lessons/01-linear-regression-one-variable.md"), "utf8");
const readDataset = async (name: string) => new Uint8Array(await readFile(join(repoRoot, "public/datasets", name)));

/** Lesson 1 with a solution that computes twice the cost: it fails its checks. */
const wrongSolution = lesson1.replace("return la.dot(errors, errors) / (2 * m);", "return la.dot(errors, errors) / m;");
/** Lesson 1 with a typo in a cell kind: a parse error. */
const typo = lesson1.replace("```ts exercise id=gradientDescent", "```ts exersize id=gradientDescent");

const lineOf = (text: string, fragment: string) => text.split("\n").findIndex((line) => line.includes(fragment)) + 1;
const report = (problems: LessonReport["problems"], passedSteps: string[] = []): LessonReport => ({
  lessonId: "demo",
  problems,
  passedSteps,
});

afterEach(() => vi.restoreAllMocks());

describe("formatProblem", () => {
  it("writes file:line: severity: message", () => {
    expect(formatProblem("lessons/02-x.md", { line: 14, severity: "warning", message: "unknown attribute" })).toBe(
      "lessons/02-x.md:14: warning: unknown attribute",
    );
  });
});

describe("formatLessonReport", () => {
  it("heads with the lesson id and verdict, lists what passed, then problems by line", () => {
    const lines = formatLessonReport(
      "lessons/02-x.md",
      report(
        [
          { line: 9, severity: "error", message: "b" },
          { line: 3, severity: "warning", message: "a" },
        ],
        ["exercise e: fine"],
      ),
    );
    expect(lines).toEqual([
      "lessons/02-x.md (demo): FAILED (1 error)",
      "  ✓ exercise e: fine",
      "lessons/02-x.md:3: warning: a",
      "lessons/02-x.md:9: error: b",
    ]);
  });
});

describe("defaultLessonFiles", () => {
  it("keeps lessons/[0-9]*.md in order and skips the guide", () => {
    expect(defaultLessonFiles("lessons", ["README.md", "02-b.md", "01-a.md", "notes.txt", "03-c.txt"])).toEqual([
      "lessons/01-a.md",
      "lessons/02-b.md",
    ]);
  });
});

describe("formatTasks and formatDatasets", () => {
  it("list each registry entry with what an author needs", () => {
    expect(
      formatTasks([{ id: "kmeans", description: "k-means clustering", requiredParams: ["K", "iterations"] }]),
    ).toEqual(["kmeans", "  k-means clustering", "  params: K, iterations"]);
    expect(
      formatDatasets([
        {
          id: "city-profits",
          version: 1,
          file: "city-profits-v1.csv",
          rows: 97,
          columns: ["population", "profit"],
          description: "Food trucks.",
        },
      ]),
    ).toEqual(["city-profits@1  (public/datasets/city-profits-v1.csv, 97 rows: population, profit)", "  Food trucks."]);
  });
});

describe("checkLessonFiles", () => {
  const deps = (reports: Record<string, LessonReport>) => ({
    readText: async (file: string) => file,
    verify: async (text: string) => reports[text],
  });

  it("exits 0 when there are only warnings, and counts them", async () => {
    const outcome = await checkLessonFiles(
      ["a.md"],
      deps({ "a.md": report([{ line: 2, severity: "warning", message: "w" }]) }),
    );
    expect(outcome).toMatchObject({ exitCode: 0, errors: 0, warnings: 1 });
    expect(outcome.lines.at(-1)).toBe("Checked 1 lesson: 0 errors, 1 warning.");
  });

  it("exits 1 when any lesson has an error, and still checks the others", async () => {
    const outcome = await checkLessonFiles(
      ["a.md", "b.md"],
      deps({ "a.md": report([{ line: 5, severity: "error", message: "e" }]), "b.md": report([], ["ok"]) }),
    );
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines).toContain("a.md:5: error: e");
    expect(outcome.lines).toContain("b.md (demo): ok");
  });

  it("reports an unreadable file and a verifier crash as errors of that file", async () => {
    const outcome = await checkLessonFiles(["gone.md", "boom.md"], {
      readText: async (file) => {
        if (file === "gone.md") throw new Error("ENOENT");
        return file;
      },
      verify: async () => {
        throw new Error("kaput");
      },
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines).toContain("gone.md:1: error: cannot read the file: ENOENT");
    expect(
      outcome.lines.some((l) =>
        l.startsWith("boom.md:1: error: internal error while checking this lesson: Error: kaput"),
      ),
    ).toBe(true);
  });

  it("fails when there is nothing to check", async () => {
    expect((await checkLessonFiles([], deps({}))).exitCode).toBe(1);
  });

  it("on a real broken lesson names the exercise, the check, expected vs got, at the check's line", async () => {
    const outcome = await checkLessonFiles(["lessons/99-broken.md"], {
      readText: async () => wrongSolution,
      verify: (text) => verifyLesson(text, readDataset, cpuTfNamespace),
    });
    expect(outcome.exitCode).toBe(1);
    const line = lineOf(wrongSolution, 'check("cost at theta = [0, 0]"');
    expect(outcome.lines).toContain(
      `lessons/99-broken.md:${line}: error: exercise computeCost: the solution fails check "cost at theta = [0, 0]": expected 47.9666, got 95.9333; value differs by 47.9667 (tolerance 0.01)`,
    );
    expect(
      outcome.lines.some((l) =>
        /: error: exercise computeCost: the solution fails hidden check "cost on a three-point example"/.test(l),
      ),
    ).toBe(true);
  });
});

describe("main (the CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "lessons-check-"));
  writeFileSync(join(dir, "10-typo.md"), typo);

  it("prints file:line: for a broken lesson given by path, relative to the repository root, and returns 1", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const code = await main([join(dir, "10-typo.md")], repoRoot);
    const printed = log.mock.calls.map((call) => String(call[0]));
    const file = relative(repoRoot, join(dir, "10-typo.md"));
    expect(code).toBe(1);
    expect(printed.some((l) => l.startsWith(`${file} (linear-regression-one-variable): FAILED (`))).toBe(true);
    expect(
      printed.some((l) =>
        l.startsWith(`${file}:${lineOf(typo, "```ts exersize")}: error: unknown cell kind 'exersize'`),
      ),
    ).toBe(true);
  });

  it("applies the app's file rules: a 5 MB lesson is refused unread, a 1.1 MB one and deep YAML unparsed", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    writeFileSync(join(dir, "20-huge.md"), `${typo}\n${"x".repeat(5_000_000)}`);
    writeFileSync(join(dir, "21-long.md"), `${typo}\n${"é".repeat(1_100_000)}`);
    writeFileSync(join(dir, "22-deep.md"), typo.replace(/^summary: .*$/m, `summary: ${"[".repeat(100_000)}`));
    const code = await main(
      ["20-huge.md", "21-long.md", "22-deep.md"].map((name) => join(dir, name)),
      repoRoot,
    );
    const printed = log.mock.calls.map((call) => String(call[0])).join("\n");
    expect(code).toBe(1);
    expect(printed).toMatch(
      /20-huge\.md:1: error: cannot read the file: this file has \d+ bytes, more than a lesson file may have/,
    );
    expect(printed).toMatch(/21-long\.md:1: error: this file has \d+ characters, more than a lesson file may have/);
    expect(printed).toMatch(/22-deep\.md:\d+: error: front matter nests about \d+ levels deep/);
  });

  it("lists the registry's tasks with --tasks, and refuses an unknown option with exit code 2", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await main(["--tasks"], repoRoot)).toBe(0);
    expect(log.mock.calls.map((call) => String(call[0]))).toContain("linear-regression");
    expect(await main(["--nope"], repoRoot)).toBe(2);
  });

  it("prints every check's actual value on the solution with --print-values, hidden checks too", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await main(["--print-values", "lessons/01-linear-regression-one-variable.md"], repoRoot)).toBe(0);
    const printed = log.mock.calls.map((call) => String(call[0]));
    expect(printed).toContain('  = exercise computeCost, check "cost at theta = [0, 0]": 47.96664834');
    expect(printed).toContain('  = exercise computeCost, check "cost on a three-point example" (hidden): 0.5833333333');
  }, 120_000);

  it("checks every lesson in lessons/ by default and passes on the shipped lessons", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await main([], repoRoot)).toBe(0);
    expect(log.mock.calls.map((call) => String(call[0]))).toContain(
      "lessons/01-linear-regression-one-variable.md (linear-regression-one-variable): ok",
    );
    // Verifies all eleven lessons (solutions, starters, diagnoses, experiments on CPU): about 55 s on 2 idle cores.
  }, 480_000);

  it("runs as `node scripts/lessons-check.mjs` on Node without a build step, exiting 1 on errors", async () => {
    const run = promisify(execFile)("node", ["scripts/lessons-check.mjs", join(dir, "10-typo.md")], { cwd: repoRoot });
    const failure = (await run.then(
      () => null,
      (error: unknown) => error,
    )) as { code: number; stdout: string } | null;
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/10-typo\.md:\d+: error: unknown cell kind 'exersize'/);
  }, 60_000);
});
