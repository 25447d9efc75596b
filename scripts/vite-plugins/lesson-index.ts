/**
 * Build-time lessons. A module id ending in `?lesson-index` (e.g. from
 * `import.meta.glob("...md", { query: "?lesson-index", eager: true })`) becomes
 * the file's catalogue entry, parsed here in Node, so the start page ships no
 * lesson parser (YAML, zod) and no lesson text. One ending in `?lesson-parsed`
 * becomes the whole parse result (the lesson, its diagnostics and its text) as
 * data, so opening a built-in lesson downloads no parser and parses nothing:
 * the parser in the browser is for lesson files a learner opens. Under `vite
 * dev` a saved lesson file invalidates both like any module, so hot reload
 * keeps working.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Plugin } from "vite";
import { lessonIndexEntry } from "../../src/core/lesson/lesson-index";
import { parseLesson } from "../../src/core/lesson/parse-lesson";

const INDEX_QUERY = "?lesson-index";
const PARSED_QUERY = "?lesson-parsed";

export function lessonIndexPlugin(): Plugin {
  return {
    name: "lesson-index",
    enforce: "pre",
    load(id) {
      const query = [INDEX_QUERY, PARSED_QUERY].find((q) => id.endsWith(q));
      if (!query) return null;
      const path = id.slice(0, -query.length);
      this.addWatchFile(path);
      const text = readFileSync(path, "utf8");
      const parsed = parseLesson(text);
      // The parse result is plain data (scripts/lesson-index.test.ts checks it survives JSON).
      const data = query === INDEX_QUERY ? lessonIndexEntry(basename(path), text, parsed) : { ...parsed, text };
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, map: null };
    },
  };
}
