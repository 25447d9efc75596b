/** Starts a browser download of `text` as a file named `fileName`. */
export function downloadText(fileName: string, text: string, type = "application/json"): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  // The download has its own reference; revoking later keeps slow browsers from losing it.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
