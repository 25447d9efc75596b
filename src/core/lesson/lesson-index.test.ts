import { describe, expect, it } from "vitest";
import { lessonIndexEntry, sortLessonIndex, textHash } from "./lesson-index";
import { parseLesson } from "./parse-lesson";
import { readFileSync, readdirSync } from "node:fs";

const dir = new URL("../../../lessons/", import.meta.url);
const files = readdirSync(dir).filter((f) => /^\d.*\.md$/.test(f));

describe("lessonIndexEntry", () => {
  it("gives every shipped lesson its id, title and exercise ids without diagnostics", () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), "utf8");
      const parsed = parseLesson(text);
      const entry = lessonIndexEntry(file, text, parsed);
      expect(entry.lesson?.id).toBe(parsed.lesson?.meta.id);
      expect(entry.lesson?.exerciseIds).toEqual(parsed.lesson?.exercises.map((e) => e.id));
      expect(entry.diagnostics).toEqual([]);
    }
  });

  it("keeps the diagnostics of a file that does not parse", () => {
    const entry = lessonIndexEntry("99-broken.md", "no front matter", parseLesson("no front matter"));
    expect(entry.lesson).toBeNull();
    expect(entry.diagnostics.length).toBeGreaterThan(0);
  });
});

describe("textHash", () => {
  it("changes when one character changes and is 8 hex digits", () => {
    expect(textHash("abc")).toMatch(/^[0-9a-f]{8}$/);
    expect(textHash("abc")).not.toBe(textHash("abd"));
    expect(textHash("abc")).toBe(textHash("abc"));
  });
});

describe("sortLessonIndex", () => {
  it("orders by lesson order, broken files last", () => {
    const e = (file: string, order: number | null) => ({ file, lesson: order === null ? null : { order } });
    expect(sortLessonIndex([e("b", null), e("a", 2), e("c", 1)]).map((x) => x.file)).toEqual(["c", "a", "b"]);
  });
});
