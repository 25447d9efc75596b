/**
 * Renders lesson Markdown to HTML with KaTeX math ($inline$, $$display$$).
 * Lesson files may come from anyone (Open lesson file), so the HTML is
 * untrusted twice over: raw HTML in the Markdown is escaped, and the rendered
 * HTML (KaTeX's included) goes through DOMPurify with a URL allow-list before
 * it reaches the DOM. Only http, https, mailto, relative and #fragment URLs
 * survive; `javascript:`, `data:`, `vbscript:` and any other scheme lose
 * their href/src, whether written inline, as a reference or as an autolink.
 */
import { Marked } from "marked";
import markedKatex from "marked-katex-extension";
import DOMPurify from "dompurify";
import "katex/dist/katex.min.css";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const marked = new Marked(markedKatex({ throwOnError: false, nonStandard: true }), {
  renderer: { html: ({ text }) => escapeHtml(text) },
});

/**
 * URLs kept in href/src: an http, https or mailto scheme, or none at all (a
 * relative path, `?query` or `#fragment`: the first `:` comes after a `/`,
 * `?` or `#`, or there is none). DOMPurify tests the value after the browser
 * parsed it, so entities and embedded whitespace cannot disguise a scheme.
 */
export const SAFE_URL = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const purifier = DOMPurify();
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    const href = node.getAttribute("href") ?? "";
    if (/^https?:/i.test(href)) {
      node.setAttribute("rel", "noopener noreferrer");
      node.setAttribute("target", "_blank");
    }
  }
});

/** Lesson HTML, sanitized. KaTeX's MathML `semantics`/`annotation` are kept for screen readers. */
export function sanitizeLessonHtml(html: string): string {
  return purifier.sanitize(html, {
    ALLOWED_URI_REGEXP: SAFE_URL,
    ADD_TAGS: ["semantics", "annotation"],
    ADD_ATTR: ["target"],
    FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"],
  });
}

/** Markdown text -> sanitized HTML string. Pure apart from DOMPurify's use of the document. */
export function renderMarkdown(markdown: string): string {
  return sanitizeLessonHtml(marked.parse(markdown, { async: false }) as string);
}
