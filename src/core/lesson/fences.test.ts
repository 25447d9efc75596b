import { describe, expect, it } from "vitest";
import { scanFences, splitLines } from "./fences";
import type { Diagnostic } from "./types";

function scan(text: string): { fences: ReturnType<typeof scanFences>; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  return { fences: scanFences(splitLines(text), 0, diags), diags };
}

describe("scanFences", () => {
  it("closes a fence only with the same character, at least as long", () => {
    const { fences, diags } = scan("````md hint\n```\ninner\n~~~~\n```\n````\nafter");
    expect(diags).toEqual([]);
    expect(fences).toHaveLength(1);
    expect(fences[0]).toMatchObject({
      open: 0,
      close: 5,
      closed: true,
      info: "md hint",
      body: "```\ninner\n~~~~\n```",
    });
  });

  it("removes the opening fence's indentation from the body and drops trailing blank lines", () => {
    const { fences } = scan("  ```ts\n    a\n  b\nc\n\n  ```");
    expect(fences[0].body).toBe("  a\nb\nc");
  });

  it("ignores lines indented four spaces and backtick fences whose info contains a backtick", () => {
    expect(scan("    ```ts\nx\n    ```").fences).toEqual([]);
    expect(scan("```ts`x`\n```").fences).toHaveLength(1);
    expect(scan("```ts`x`\n```").fences[0].open).toBe(1);
  });

  it("reports an unclosed fence at its opening line and runs it to the end", () => {
    const { fences, diags } = scan("text\n~~~ts setup id=s\ncode");
    expect(fences[0]).toMatchObject({ open: 1, close: 3, closed: false, body: "code" });
    expect(diags).toEqual([{ line: 2, severity: "error", message: expect.stringMatching(/unclosed ~~~ fence/) }]);
  });
});
