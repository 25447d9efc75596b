/**
 * Build-time lesson index: a module id ending in `?lesson-index` (e.g. from
 * `import.meta.glob("...md", { query: "?lesson-index", eager: true })`) becomes
 * the file's catalogue entry, parsed here in Node, so the start page ships no
 * lesson parser (YAML, zod) and no lesson text. Under `vite dev` a saved
 * lesson file invalidates its entry like any module, so hot reload keeps working.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Plugin } from "vite";
import { lessonIndexEntry } from "../../src/core/lesson/lesson-index";
import { parseLesson } from "../../src/core/lesson/parse-lesson";

const QUERY = "?lesson-index";

export function lessonIndexPlugin(): Plugin {
  return {
    name: "lesson-index",
    enforce: "pre",
    load(id) {
      if (!id.endsWith(QUERY)) return null;
      const path = id.slice(0, -QUERY.length);
      this.addWatchFile(path);
      const text = readFileSync(path, "utf8");
      const entry = lessonIndexEntry(basename(path), text, parseLesson(text));
      return { code: `export default ${JSON.stringify(entry)};`, map: null };
    },
  };
}
