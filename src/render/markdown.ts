/**
 * The one Markdown renderer for article text. Raw HTML is off: an article's
 * words are shown as written, never run as markup.
 */
import MarkdownIt from "markdown-it";

export const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A block of Markdown as HTML (paragraphs, lists, emphasis). */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** A line of Markdown as inline HTML, for captions and headlines. */
export function renderMarkdownInline(text: string): string {
  return markdown.renderInline(text);
}
