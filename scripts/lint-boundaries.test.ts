// The folder boundaries of DESIGN.md ("Direction of imports") are enforced by
// lint: each case lints a small source text as if it were a file at `path`
// and expects the boundary rule to fire, or not.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: new URL("..", import.meta.url).pathname });

/** The boundary messages ESLint reports for `code` placed at `path` (relative to the repository root). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result.messages
    .filter((message) => message.ruleId === "import-x/no-restricted-paths")
    .map((message) => message.message);
}

// ESLint loads its whole configuration on the first lint: seconds on a loaded 2-core machine.
describe("folder boundaries", { timeout: 60_000 }, () => {
  it("refuse a UI module that imports the composition root", async () => {
    const errors = await boundaryErrors("src/ui/fixture.ts", 'export { getRepos } from "../app/services";\n');
    expect(errors).toEqual([expect.stringContaining("src/ui gets services through the React context")]);
  });

  it("refuse a core module that imports outside the core", async () => {
    const errors = await boundaryErrors(
      "src/core/ml/fixture.ts",
      'import { openNotebookDb } from "../../storage/db";\nexport const open = openNotebookDb;\n',
    );
    expect(errors).toEqual([expect.stringContaining("src/core is framework-free")]);
  });

  it("refuse storage, tfjs or the kernel importing the UI", async () => {
    for (const folder of ["storage", "tfjs", "kernel"]) {
      const errors = await boundaryErrors(
        `src/${folder}/fixture.ts`,
        'export * from "../ui/common/storage-summary";\n',
      );
      expect(errors, folder).toEqual([expect.stringContaining(`src/${folder} is a shell below the UI`)]);
    }
  });

  it("allow the direction the design gives: app -> ui -> core", async () => {
    expect(await boundaryErrors("src/app/fixture.ts", 'export * from "../ui/common/storage-summary";\n')).toEqual([]);
    expect(await boundaryErrors("src/ui/fixture.ts", 'export * from "../core/ml/prng";\n')).toEqual([]);
  });
});
