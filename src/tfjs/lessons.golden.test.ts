/**
 * Golden tests over every lesson in lessons/: each parses with no diagnostics,
 * its solutions pass its checks, its starters fail them, and its experiments
 * run on the CPU backend leaking no tensors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { verifyLesson } from "../core/verification/verify-lesson";
import { cpuTfNamespace } from "./cpu-namespace";

const lessonsDir = new URL("../../lessons/", import.meta.url);
const datasetsDir = new URL("../../public/datasets/", import.meta.url);
const files = readdirSync(lessonsDir).filter((f) => /^\d+.*\.md$/.test(f));

describe("every lesson file", () => {
  it("exists", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} has no problems: clean parse, solutions pass, starters fail, experiments run on CPU`, async () => {
      const text = readFileSync(new URL(file, lessonsDir), "utf8");
      const report = await verifyLesson(
        text,
        async (name) => new Uint8Array(await readFile(new URL(name, datasetsDir))),
        cpuTfNamespace,
      );
      expect(report.problems).toEqual([]);
      expect(report.passedSteps.some((step) => step.startsWith("experiment"))).toBe(true);
      // Diagnoses run each mistaken variant through the checks twice: lessons 5 and 6 take longest.
    }, 180_000);
  }
});

describe("verifyLesson", () => {
  it("reports a solution that fails its checks", async () => {
    const text = readFileSync(new URL(files[0], lessonsDir), "utf8");
    const broken = text.replace(
      /```ts solution for=computeCost\n[\s\S]*?```/,
      "```ts solution for=computeCost\nexport function computeCost(): number { return -1; }\n```",
    );
    const report = await verifyLesson(
      broken,
      async (name) => new Uint8Array(await readFile(new URL(name, datasetsDir))),
      cpuTfNamespace,
    );
    expect(report.problems.map((p) => p.message).join("\n")).toContain(
      "exercise computeCost: the solution fails check",
    );
  }, 60_000);

  it("reports a starter that already passes every check", async () => {
    const text = readFileSync(new URL(files[0], lessonsDir), "utf8");
    const solution = /```ts solution for=computeCost\n([\s\S]*?)```/.exec(text)![1];
    const lazy = text.replace(
      /```ts exercise id=computeCost([^\n]*)\n[\s\S]*?```/,
      (_m, info: string) => "```ts exercise id=computeCost" + info + "\n" + solution + "```",
    );
    const report = await verifyLesson(
      lazy,
      async (name) => new Uint8Array(await readFile(new URL(name, datasetsDir))),
      cpuTfNamespace,
    );
    expect(report.problems.map((p) => p.message)).toContain(
      "exercise computeCost: the starter code already passes every check, so the exercise teaches nothing",
    );
  }, 60_000);

  it("reports a tfjs reference that leaks tensors (every lesson above leaks none)", async () => {
    const text = readFileSync(new URL(files[0], lessonsDir), "utf8");
    expect(text).toContain("    th.dispose();\n");
    const leaky = text.replace("    th.dispose();\n", "");
    const report = await verifyLesson(
      leaky,
      async (name) => new Uint8Array(await readFile(new URL(name, datasetsDir))),
      cpuTfNamespace,
    );
    expect(report.problems.map((p) => p.message).join("\n")).toMatch(/the tfjs reference leaks \d+ tensors/);
  }, 60_000);

  it("reports a dataset whose checksum does not match", async () => {
    const text = readFileSync(new URL(files[0], lessonsDir), "utf8");
    const report = await verifyLesson(
      text,
      async (name) => {
        const bytes = new Uint8Array(await readFile(new URL(name, datasetsDir)));
        bytes[bytes.length - 2] ^= 1;
        return bytes;
      },
      cpuTfNamespace,
    );
    expect(report.problems[0].message).toMatch(/checksum|SHA-256/i);
  });
});
