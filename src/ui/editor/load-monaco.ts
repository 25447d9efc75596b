/** Loads Monaco (editor, TypeScript service and workers) once, on first use; safe to call early to preload. */
type Monaco = typeof import("monaco-editor");

let monacoPromise: Promise<Monaco> | null = null;

/** Monaco is large: load it once, on first use (or earlier, as a preload when a lesson route opens). */
export function loadMonaco(): Promise<Monaco> {
  monacoPromise ??= import("./monaco-setup").then((m) => m.monaco);
  return monacoPromise;
}
