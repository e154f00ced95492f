/**
 * The one Markdown renderer for article text. Raw HTML is off: an article's
 * words are shown as written, never run as markup.
 */
import MarkdownIt from "markdown-it";

export const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// markdown-it already refuses javascript:, vbscript: and file: links but lets
// data:image through; an archive page links to nothing that carries its own content.
const UNSAFE_SCHEME = /^\s*(?:javascript|vbscript|file|data):/i;
const defaultValidateLink = markdown.validateLink.bind(markdown);
markdown.validateLink = (url: string) => !UNSAFE_SCHEME.test(url) && defaultValidateLink(url);

// Subheadings inside an article (`### Charges in Louisiana`) sit under the
// page's one <h1>: each becomes an <h2>, so heading levels never skip.
for (const rule of ["heading_open", "heading_close"] as const) {
  markdown.renderer.rules[rule] = (tokens, index, options, _env, self) => {
    const token = tokens[index];
    if (token !== undefined) token.tag = "h2";
    return self.renderToken(tokens, index, options);
  };
}

/** A block of Markdown as HTML (paragraphs, lists, emphasis). */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** A line of Markdown as inline HTML, for captions and headlines. */
export function renderMarkdownInline(text: string): string {
  return markdown.renderInline(text);
}
