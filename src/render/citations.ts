/**
 * "Cite this article" in APA, MLA and BibTeX, as Trove and Chronicling
 * America offer. The permalink comes from the article id (file name or front
 * matter), never from a derived headline, so a citation stays valid when
 * parsing improves.
 */
import { format } from "date-fns/format";
import { parseISO } from "date-fns/parseISO";
import type { Article } from "../article.ts";

export interface CitationInput {
  readonly article: Pick<Article, "id" | "title" | "date" | "byline" | "source">;
  /** Absolute permalink of the article page. */
  readonly url: string;
  /** The archive's name. */
  readonly siteTitle: string;
  /**
   * The day the citation is made, `YYYY-MM-DD`. Cited only for an undated
   * article (MLA's "Accessed", BibTeX's `urldate`), as MLA advises: a dated
   * article at a permanent address needs none, and on a built page it is
   * the build's day, not the reader's.
   */
  readonly accessed: string;
}

export interface Citations {
  readonly apa: string;
  readonly mla: string;
  readonly bibtex: string;
}

const day = (iso: string, pattern: string) => format(parseISO(iso), pattern);

/** `By Jane Doe and John Roe` → `Jane Doe and John Roe`. */
function authorsOf(byline: string | null): string | null {
  return byline === null ? null : byline.replace(/^By\s+/i, "").trim() || null;
}

function bibtexEscape(text: string): string {
  return text.replace(/([\\{}%&$#_^~])/g, (char) => (char === "\\" ? "\\textbackslash{}" : `\\${char}`));
}

export function citeArticle({ article, url, siteTitle, accessed }: CitationInput): Citations {
  const authors = authorsOf(article.byline);
  const container = article.source ?? siteTitle;
  const title = article.title.replace(/[.…]$/, "");

  const apaDate = article.date === null ? "n.d." : day(article.date, "yyyy, MMMM d");
  const apa = `${authors === null ? `${title}.` : `${authors}.`} (${apaDate}). ${authors === null ? "" : `${title}. `}${container}. ${url}`;

  const mlaDate = article.date === null ? "" : `${day(article.date, "d MMM. yyyy").replace("May.", "May")}, `;
  const mlaAccessed = article.date === null ? ` Accessed ${day(accessed, "d MMM. yyyy").replace("May.", "May")}.` : "";
  const mla = `${authors === null ? "" : `${authors}. `}“${title}.” ${container}, ${mlaDate}${url}.${mlaAccessed}`;

  const fields = [
    `  title = {${bibtexEscape(title)}}`,
    authors === null ? null : `  author = {${bibtexEscape(authors)}}`,
    `  journal = {${bibtexEscape(container)}}`,
    article.date === null ? null : `  date = {${article.date}}`,
    `  url = {${url}}`,
    article.date === null ? `  urldate = {${accessed}}` : null,
  ].filter((line): line is string => line !== null);
  const bibtex = `@article{${article.id.replace(/[^A-Za-z0-9_-]/g, "")},\n${fields.join(",\n")}\n}`;

  return { apa, mla, bibtex };
}
