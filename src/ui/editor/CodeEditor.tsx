import { useEffect, useRef, useState, type RefObject } from "react";
import type { CellError } from "../../core/evaluation/types";
import { loadMonaco } from "./load-monaco";

type Monaco = typeof import("monaco-editor");
type Editor = import("monaco-editor").editor.IStandaloneCodeEditor;

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

/**
 * A Monaco editor with TypeScript checking of learner code and run errors shown
 * as markers. Until Monaco has loaded, a plain text area shows the code and
 * takes typing; Monaco then starts from what was typed, with the cursor where it was.
 */
export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState(props.value);
  const draftRef = useRef(props.value);
  const { refs, ready } = useMonacoEditor(host, props, { text: draftRef, area: fallback });
  usePushedValue(refs, props.value, props.revision, ready);
  useErrorMarkers(refs, props.errors, ready);
  useEffect(() => {
    // A value pushed before Monaco is ready (saved draft, Reset) replaces the fallback's text.
    draftRef.current = props.value;
    setDraft(props.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.revision]);
  return (
    <div className="code-editor" data-ready={ready ? "true" : "false"}>
      {!ready && (
        <textarea
          ref={fallback}
          className="code-editor-fallback"
          aria-label={props.label}
          value={draft}
          readOnly={props.readOnly}
          spellCheck={false}
          rows={Math.min(Math.max(draft.split("\n").length, 6), 40)}
          onChange={(event) => {
            draftRef.current = event.target.value;
            setDraft(event.target.value);
            props.onChange(event.target.value);
          }}
        />
      )}
      <div ref={host} className="code-editor-host" hidden={!ready} />
    </div>
  );
}

/** Creates the editor in `host` once per path (Monaco loads on first use); `ready` once it exists. */
function useMonacoEditor(
  host: RefObject<HTMLDivElement | null>,
  { path, onChange, onRun, label, readOnly = false }: CodeEditorProps,
  fallback: { text: RefObject<string>; area: RefObject<HTMLTextAreaElement | null> },
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
      // What the learner typed into the fallback text area while Monaco loaded.
      const value = fallback.text.current;
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
      moveFocusFrom(fallback.area.current, editor, model);
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

/** Gives Monaco the focus and caret of the fallback text area, if the learner was typing there. */
function moveFocusFrom(
  area: HTMLTextAreaElement | null,
  editor: Editor,
  model: import("monaco-editor").editor.ITextModel,
) {
  if (!area || document.activeElement !== area) return;
  editor.setPosition(model.getPositionAt(area.selectionStart));
  editor.focus();
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
