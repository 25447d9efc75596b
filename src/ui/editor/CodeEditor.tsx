import { useEffect, useRef, useState, type RefObject } from "react";
import type { CellError } from "../../core/evaluation/types";

type Monaco = typeof import("monaco-editor");
type Editor = import("monaco-editor").editor.IStandaloneCodeEditor;

let monacoPromise: Promise<Monaco> | null = null;
/** Monaco is large: load it once, on first use. */
function loadMonaco(): Promise<Monaco> {
  monacoPromise ??= import("./monaco-setup").then((m) => m.monaco);
  return monacoPromise;
}

export interface CodeEditorProps {
  /** Model path, e.g. `computeCost.ts`, so other cells can `import ... from "./computeCost"`. */
  path: string;
  value: string;
  /** Bumped when `value` is replaced from outside the editor (Reset, solution, restore, saved draft). */
  revision: number;
  onChange(value: string): void;
  /** Shift+Enter in the editor. */
  onRun?(): void;
  errors: CellError[];
  label: string;
  readOnly?: boolean;
}

type EditorRefs = { editor: RefObject<Editor | null>; monaco: RefObject<Monaco | null> };

/** A Monaco editor with TypeScript checking of learner code and run errors shown as markers. */
export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const { refs, ready } = useMonacoEditor(host, props);
  usePushedValue(refs, props.value, props.revision, ready);
  useErrorMarkers(refs, props.errors, ready);
  return (
    <div className="code-editor" data-ready={ready ? "true" : "false"}>
      {!ready && <p className="muted">Loading editor…</p>}
      <div ref={host} className="code-editor-host" />
    </div>
  );
}

/** Creates the editor in `host` once per path (Monaco loads on first use); `ready` once it exists. */
function useMonacoEditor(
  host: RefObject<HTMLDivElement | null>,
  { path, value, onChange, onRun, label, readOnly = false }: CodeEditorProps,
) {
  const editorRef = useRef<Editor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let editor: Editor | null = null;
    loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const uri = monaco.Uri.parse(`file:///${path}`);
      const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, "typescript", uri);
      if (model.getValue() !== value) model.setValue(value);
      editor = monaco.editor.create(host.current, {
        model,
        readOnly,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 14,
        tabSize: 2,
        ariaLabel: label,
      });
      editor.onDidChangeModelContent(() => callbacks.current.onChange(editor!.getValue()));
      editor.addAction({
        id: "run-checks",
        label: "Run checks",
        keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Enter],
        run: () => callbacks.current.onRun?.(),
      });
      const resize = () => {
        const lines = Math.min(Math.max(model.getLineCount(), 6), 40);
        host.current!.style.height = `${lines * 20 + 16}px`;
      };
      model.onDidChangeContent(resize);
      resize();
      editorRef.current = editor;
      monacoRef.current = monaco;
      setReady(true);
    });
    return () => {
      disposed = true;
      editor?.dispose();
      editorRef.current = null;
    };
    // The editor is created once per path; later value changes are pushed by usePushedValue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  const refs: EditorRefs = { editor: editorRef, monaco: monacoRef };
  return { refs, ready };
}

/** Replaces the editor's text with `value` when `revision` changes (Reset, solution, restore, saved draft). */
function usePushedValue({ editor: editorRef }: EditorRefs, value: string, revision: number, ready: boolean) {
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    // An edit operation (not setValue) so the learner can undo it with Ctrl+Z.
    editor.pushUndoStop();
    editor.executeEdits("app", [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
    // Only a new revision pushes `value` into the editor: while the learner types,
    // `value` lags behind the editor and must not overwrite it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision, ready]);
}

/** Shows run errors that have a line as error markers in the editor. */
function useErrorMarkers({ editor: editorRef, monaco: monacoRef }: EditorRefs, errors: CellError[], ready: boolean) {
  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      "kernel",
      errors
        .filter((error) => error.line !== undefined)
        .map((error) => ({
          severity: monaco.MarkerSeverity.Error,
          message: error.message,
          startLineNumber: error.line!,
          startColumn: error.column ?? 1,
          endLineNumber: error.line!,
          endColumn: model.getLineMaxColumn(Math.min(error.line!, model.getLineCount())),
        })),
    );
  }, [errors, ready, editorRef, monacoRef]);
}
