#!/usr/bin/env node
// Prints the folder-level import graph of src/ (one line per folder with the
// folders it imports) and exits 1 when the graph has a cycle, naming the
// folders of each cycle. Tests (*.test.ts[x]) and test fixtures are left out:
// they may reach across folders. Part of `npm test` (issue: one-way layers).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");
const SOURCE = /\.(ts|tsx)$/;
const IS_TEST = /(\.test\.tsx?|test-fixtures\.ts|fixtures\.ts)$/;
// Static `import ... from "x"`, `export ... from "x"`, side-effect `import "x"` and dynamic `import("x")`.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/** Every source file under `dir`, recursively. */
function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !IS_TEST.test(name) ? [path] : [];
  });
}

const folderOf = (file) => relative(ROOT, dirname(file)).split(sep).join("/");

/** Folder -> set of folders it imports (relative imports inside src only). */
export function folderGraph(files = sourceFiles(SRC)) {
  const graph = new Map();
  for (const file of files) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1];
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec.split("?")[0]);
      if (!target.startsWith(SRC + sep)) continue;
      // A specifier names a file (with or without extension) or a folder's index.
      const isFolder = (() => {
        try {
          return statSync(target).isDirectory();
        } catch {
          return false;
        }
      })();
      const to = isFolder ? relative(ROOT, target).split(sep).join("/") : folderOf(target);
      if (to !== from) graph.get(from).add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan), i.e. the cycles. */
export function cycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = folderGraph();
  for (const folder of [...graph.keys()].sort()) {
    const targets = [...graph.get(folder)].sort();
    console.log(`${folder} -> ${targets.length ? targets.join(", ") : "(nothing)"}`);
  }
  const found = cycles(graph);
  if (found.length === 0) {
    console.log(`\nimport graph: ${graph.size} folders, no cycle`);
  } else {
    for (const component of found) console.error(`\ncycle between folders: ${component.join(" <-> ")}`);
    process.exit(1);
  }
}
