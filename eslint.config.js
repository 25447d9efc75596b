// Lint rules, including the import boundaries of STYLE.md section 1: each
// library has one home, and the core imports no framework at all.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

const LIBRARIES = {
  react: ["react", "react-dom", "react-dom/*"],
  idb: ["idb"],
  tfjs: ["@tensorflow/*"],
  monaco: ["monaco-editor", "monaco-editor/*"],
  recharts: ["recharts"],
  markdown: ["katex", "katex/*", "marked", "marked-*", "dompurify"],
  ses: ["ses"],
};

/** A block that forbids, in `files`, every library not listed in `allowed`. */
function onlyTheseLibraries(files, allowed, ignores = []) {
  const banned = Object.entries(LIBRARIES)
    .filter(([name]) => !allowed.includes(name))
    .flatMap(([, patterns]) => patterns);
  return {
    files,
    ignores,
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: banned, message: "This library has another home (STYLE.md section 1)." }] },
      ],
    },
  };
}

/**
 * Folder boundaries (DESIGN.md "Direction of imports"): the core imports
 * nothing outside the core; storage, tfjs and the kernel never import the UI
 * or the composition root; the UI never imports the composition root (it gets
 * services through a React context). Paths are resolved, so `../../app/x` and
 * `../app` are caught alike.
 */
const FOLDER_BOUNDARIES = [
  {
    target: "./src/core",
    from: "./src",
    except: ["./core"],
    message: "src/core is framework-free and imports nothing outside src/core.",
  },
  ...["storage", "tfjs", "kernel"].map((folder) => ({
    target: `./src/${folder}`,
    from: ["./src/ui", "./src/app"],
    message: `src/${folder} is a shell below the UI: it never imports src/ui or src/app.`,
  })),
  {
    target: "./src/ui",
    from: "./src/app",
    message: "src/ui gets services through the React context made in src/app; it never imports src/app.",
  },
];

export default tseslint.config(
  { ignores: ["dist", "dist-*", "node_modules", "test-results", "playwright-report", ".device", "dev-dist"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }] },
  },
  {
    files: ["src/**/*.tsx", "src/ui/**/*.ts", "src/app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] })] },
    rules: { "import-x/no-restricted-paths": ["error", { zones: FOLDER_BOUNDARIES }] },
  },
  {
    // STYLE.md section 7: functions stay small; a component or hook over 80 lines is split.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}"],
    rules: { "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  onlyTheseLibraries(["src/core/**"], []),
  {
    files: ["src/core/**"],
    ignores: ["src/core/**/*.test.ts"],
    rules: { "no-restricted-globals": ["error", "window", "document", "indexedDB", "localStorage"] },
  },
  onlyTheseLibraries(["src/storage/**"], ["idb"]),
  onlyTheseLibraries(["src/tfjs/**"], ["tfjs"]),
  onlyTheseLibraries(["src/kernel/**"], ["tfjs", "ses"]),
  onlyTheseLibraries(["src/app/**"], ["react"]),
  onlyTheseLibraries(["src/ui/**"], ["react"], ["src/ui/editor/**", "src/ui/charts/**", "src/ui/markdown/**"]),
  onlyTheseLibraries(["src/ui/editor/**"], ["react", "monaco"]),
  onlyTheseLibraries(["src/ui/charts/**"], ["react", "recharts"]),
  onlyTheseLibraries(["src/ui/markdown/**"], ["react", "markdown"]),
);
