// Lint rules, including the import boundaries of STYLE.md section 1: each
// library has one home, and the core imports no framework at all.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const frameworkImports = ["react", "react-dom", "react-dom/*", "idb", "@tensorflow/*", "monaco-editor", "monaco-editor/*", "recharts", "katex", "marked"];

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "playwright-report", ".device"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.tsx", "src/ui/**/*.ts", "src/app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: frameworkImports, message: "src/core is framework-free (STYLE.md 1)." }] }],
      "no-restricted-globals": ["error", "window", "document", "indexedDB", "localStorage"],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/storage/**"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "idb", message: "idb lives in src/storage only." }] }] },
  },
);
