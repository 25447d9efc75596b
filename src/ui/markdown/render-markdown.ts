/**
 * Renders lesson Markdown to HTML with KaTeX math ($inline$, $$display$$).
 * Lesson text is instructor-authored; raw HTML in it is escaped, not rendered.
 */
import { Marked } from "marked";
import markedKatex from "marked-katex-extension";
import "katex/dist/katex.min.css";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const marked = new Marked(markedKatex({ throwOnError: false, nonStandard: true }), {
  renderer: { html: ({ text }) => escapeHtml(text) },
});

/** Markdown text -> HTML string. Pure. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false }) as string;
}
