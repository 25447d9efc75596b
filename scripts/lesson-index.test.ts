/**
 * The build parses the built-in lessons (scripts/vite-plugins/lesson-index.ts):
 * what a lesson page gets from `?lesson-parsed` must be exactly what the
 * parser in the browser would have produced, for every lesson file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../src/core/lesson/parse-lesson";
import { lessonIndexPlugin } from "./vite-plugins/lesson-index";

const LESSONS = resolve(__dirname, "../lessons");
const files = readdirSync(LESSONS).filter((file) => /^\d.*\.md$/.test(file));

/** Runs the plugin's `load` hook on `id` and evaluates the module it returns. */
function loadModule(id: string): unknown {
  const plugin = lessonIndexPlugin();
  const load = plugin.load as (this: { addWatchFile(path: string): void }, id: string) => { code: string } | null;
  const result = load.call({ addWatchFile: () => undefined }, id);
  if (!result) throw new Error(`the plugin did not load ${id}`);
  const body = result.code.replace(/^export default /, "return ");
  return new Function(body)();
}

describe("lessons parsed at build time", () => {
  it.each(files)("%s: the module holds the parser's result and the file's text", (file) => {
    const path = `${LESSONS}/${file}`;
    const text = readFileSync(path, "utf8");
    const parsed = loadModule(`${path}?lesson-parsed`) as ReturnType<typeof parseLesson> & { text: string };
    expect(parsed.text).toBe(text);
    expect(parsed.diagnostics).toEqual(parseLesson(text).diagnostics);
    // A value JSON cannot carry (a Map, a Date, NaN, Infinity, a function) would differ here.
    expect(parsed.lesson).toEqual(parseLesson(text).lesson);
  });

  it("ignores other modules", () => {
    const plugin = lessonIndexPlugin();
    const load = plugin.load as (this: unknown, id: string) => unknown;
    expect(load.call({}, `${LESSONS}/${files[0]}?raw`)).toBeNull();
  });
});
