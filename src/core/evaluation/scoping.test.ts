import { describe, expect, it } from "vitest";
import { runChecks } from "./run-checks";
import type { LessonPayload } from "./types";

const lesson: LessonPayload = { setup: [{ id: "data", code: "export const X = 1;\nconst secret = 2;" }], datasets: [] };
const run = (cell: string, check: string) =>
  runChecks(lesson, [{ id: "ex", code: cell }], [{ id: "c", code: check, hidden: false }], () => undefined);

describe("cell scoping errors", () => {
  it("names the cell and its exports when an import asks for a name the cell does not export", () => {
    const outcome = run('import { helper } from "./data";\nexport const f = () => helper(1);', 'check("a", f(), 1);');
    expect(outcome.verdicts[0].message).toContain(
      'cell ex imports "helper" from "./data", but cell data does not export it (it exports: X)',
    );
    expect(outcome.verdicts[0].message).not.toContain("reading 'call'");
  });
  it("tells an exercise cell to import another cell's export", () => {
    const outcome = run("export const f = () => X;", 'check("a", f(), 1);');
    expect(outcome.verdicts[0].message).toContain(
      'it is exported by cell data; in this cell write import { X } from "./data"',
    );
  });
  it("says a name that is not exported stays private to its cell", () => {
    const outcome = run("export const f = () => secret;", 'check("a", f(), 2);');
    expect(outcome.verdicts[0].message).toContain('no cell exports "secret"');
  });
  it("lets check cells use every export by name", () => {
    const outcome = run('import { X } from "./data";\nexport const f = () => X;', 'check("a", f() + X, 2);');
    expect(outcome.verdicts[0].passed).toBe(true);
  });
  it("suggests ./<cellId> for a bare cell name", () => {
    const outcome = run('import { X } from "data";\nexport const f = () => X;', 'check("a", 1, 1);');
    expect(outcome.errors[0].message).toContain('write "./data"');
  });
});
