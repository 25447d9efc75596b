/**
 * Lessons are TypeScript only, so the bundle keeps Monaco's TypeScript
 * language (and JavaScript, which the TypeScript service also serves) and
 * drops the CSS, HTML and JSON language services with their workers and the
 * ~80 other syntax definitions that `monaco-editor`'s main entry registers.
 * Those modules are replaced by empty ones; nothing else of Monaco changes.
 */
import type { Plugin } from "vite";

const KEPT_DEFINITIONS = new Set(["typescript", "javascript"]);
const FEATURE = /monaco-editor\/esm\/vs\/languages\/features\/(css|html|json)\/register\.js$/;
const DEFINITION = /monaco-editor\/esm\/vs\/languages\/definitions\/([^/]+)\/register\.js$/;

export function monacoTypeScriptOnly(): Plugin {
  return {
    name: "monaco-typescript-only",
    enforce: "pre",
    load(id) {
      const path = id.split("?")[0];
      if (FEATURE.test(path)) return { code: "export {};", map: null };
      const definition = DEFINITION.exec(path);
      if (definition && !KEPT_DEFINITIONS.has(definition[1])) return { code: "export {};", map: null };
      return null;
    },
  };
}
