import { useEffect, useRef, useState } from "react";

type DiffEditor = import("monaco-editor").editor.IStandaloneDiffEditor;

/** Monaco's side-by-side diff editor (read-only) of two code texts; Monaco loads on first use. */
export function CodeDiff({ original, modified, label }: { original: string; modified: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let editor: DiffEditor | null = null;
    const models: { dispose(): void }[] = [];
    void import("./monaco-setup").then(({ monaco }) => {
      if (disposed || !host.current) return;
      editor = monaco.editor.createDiffEditor(host.current, {
        readOnly: true,
        originalEditable: false,
        automaticLayout: true,
        renderSideBySide: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        ariaLabel: label,
      });
      const originalModel = monaco.editor.createModel(original, "typescript");
      const modifiedModel = monaco.editor.createModel(modified, "typescript");
      models.push(originalModel, modifiedModel);
      editor.setModel({ original: originalModel, modified: modifiedModel });
      setReady(true);
    });
    return () => {
      disposed = true;
      editor?.dispose();
      models.forEach((model) => model.dispose());
    };
  }, [original, modified, label]);
  return (
    <div className="code-diff" data-ready={ready ? "true" : "false"}>
      {!ready && <p className="muted">Loading the diff…</p>}
      <div ref={host} className="code-diff-host" style={{ height: 360 }} />
    </div>
  );
}
