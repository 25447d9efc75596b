import { useEffect, useState, type DragEvent } from "react";

/** Extensions and types the file picker offers; any dropped file is accepted and parsed. */
const ACCEPT = ".md,.markdown,text/markdown,text/plain";

/**
 * Where an instructor hands the app a lesson file: a file picker labelled
 * "Lesson file" inside a drop zone (region "Lesson file drop zone").
 * Calls `onFile` with the first file chosen or dropped.
 */
export function LessonFileDrop({ onFile, busy }: { onFile(file: File): void; busy: boolean }) {
  const [over, setOver] = useState(false);
  useNoDropNavigation();
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    take(event.dataTransfer.files);
  };
  return (
    <section
      aria-label="Lesson file drop zone"
      aria-busy={busy}
      className={`drop-zone${over ? " over" : ""}`}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        <strong>Drop a lesson file (.md) here</strong>, or choose one:
      </p>
      <label>
        Lesson file{" "}
        <input
          type="file"
          accept={ACCEPT}
          disabled={busy}
          onChange={(event) => {
            take(event.target.files);
            // Choosing the same file again (after editing it) must fire `change` again.
            event.target.value = "";
          }}
        />
      </label>
      <p className="muted small">
        Nothing is uploaded: the file is read in this browser. Datasets still come from this app, checked by their
        SHA-256.
      </p>
    </section>
  );
}

/** A file dropped just beside the zone would make the browser navigate to it, leaving the page; refuse such drops. */
function useNoDropNavigation(): void {
  useEffect(() => {
    const refuse = (event: globalThis.DragEvent) => {
      if (!event.dataTransfer?.types.includes("Files")) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "none";
    };
    addEventListener("dragover", refuse);
    addEventListener("drop", refuse);
    return () => {
      removeEventListener("dragover", refuse);
      removeEventListener("drop", refuse);
    };
  }, []);
}
