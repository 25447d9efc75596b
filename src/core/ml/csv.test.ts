import { describe, expect, it } from "vitest";
import { parseNumericCsv } from "./csv";

describe("parseNumericCsv", () => {
  it("reads the header and numeric rows", () => {
    expect(parseNumericCsv("population,profit\n6.1101,17.592\n5.5277,-9.1302\n")).toEqual({
      columns: ["population", "profit"],
      rows: [
        [6.1101, 17.592],
        [5.5277, -9.1302],
      ],
    });
  });

  it("accepts CRLF line ends, blank lines, spaces, a BOM and exponents", () => {
    expect(parseNumericCsv("\uFEFFa, b\r\n1, 2e3\r\n\r\n.5,-0\r\n")).toEqual({
      columns: ["a", "b"],
      rows: [
        [1, 2000],
        [0.5, -0],
      ],
    });
  });

  it("names the line and column of a cell that is not a number", () => {
    expect(parseNumericCsv("x,y\n1,2\n3,abc\n")).toEqual({ error: 'line 3, column "y": "abc" is not a finite number' });
  });

  it("rejects empty cells, Infinity and hexadecimal", () => {
    expect(parseNumericCsv("x,y\n1,\n")).toEqual({ error: 'line 2, column "y": "" is not a finite number' });
    expect(parseNumericCsv("x,y\nInfinity,1\n")).toHaveProperty("error", expect.stringContaining('column "x"'));
    expect(parseNumericCsv("x,y\n0x10,1\n")).toHaveProperty("error", expect.stringContaining("line 2"));
  });

  it("rejects a row with the wrong number of values", () => {
    expect(parseNumericCsv("x,y\n1,2,3\n")).toEqual({ error: "line 2: expected 2 values, found 3" });
  });

  it("rejects an empty file, a header without rows, and bad column names", () => {
    expect(parseNumericCsv("")).toHaveProperty("error", expect.stringContaining("empty"));
    expect(parseNumericCsv("x,y\n")).toEqual({ error: "no data rows after the header" });
    expect(parseNumericCsv("x,x\n1,2\n")).toHaveProperty("error", expect.stringContaining('"x" appears twice'));
    expect(parseNumericCsv("x,\n1,2\n")).toHaveProperty("error", expect.stringContaining("no name"));
  });
});
