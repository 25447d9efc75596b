import { describe, expect, it } from "vitest";
import { classifyInfo, tokenizeInfo } from "./info-string";

describe("tokenizeInfo", () => {
  it("reads words, bare and quoted values, and flags", () => {
    expect(tokenizeInfo('ts exercise id=a title="Two words" hidden').tokens).toEqual([
      { key: "ts", value: null },
      { key: "exercise", value: null },
      { key: "id", value: "a" },
      { key: "title", value: "Two words" },
      { key: "hidden", value: null },
    ]);
  });

  it('unescapes \\" and \\\\ inside quotes', () => {
    expect(tokenizeInfo('t="a \\"b\\" \\\\ c"').tokens).toEqual([{ key: "t", value: 'a "b" \\ c' }]);
  });

  it("reports an unterminated quote and keeps the rest as the value", () => {
    const { tokens, problems } = tokenizeInfo('title="open');
    expect(tokens).toEqual([{ key: "title", value: "open" }]);
    expect(problems).toHaveLength(1);
  });
});

describe("classifyInfo", () => {
  it.each(["", "ts", "python", "python exercis id=x", "js exercize"])("treats '%s' as ordinary code", (info) => {
    expect(classifyInfo(info).type).toBe("code");
  });

  it("recognises a cell whatever its language so the language can be checked", () => {
    expect(classifyInfo("python exercise id=x")).toMatchObject({ type: "cell", lang: "python", kind: "exercise" });
  });

  it("treats an unknown kind after ts, md or yaml as an error", () => {
    for (const lang of ["ts", "md", "yaml"]) expect(classifyInfo(`${lang} nonsense`).type).toBe("error");
    expect(classifyInfo('ts title="x.ts"').type).toBe("error");
  });
});
