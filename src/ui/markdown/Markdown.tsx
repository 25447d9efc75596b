import { useMemo } from "react";
import { renderMarkdown } from "./render-markdown";

/** Lesson prose with math. The HTML comes from `renderMarkdown`, which escapes raw HTML and sanitizes the rest. */
export function Markdown({ text, className = "prose" }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
