/**
 * The typed records every stage after ingest works with. Ingest is the only
 * place where raw file text becomes these; everything downstream trusts them.
 */
import type { Diagnostic } from "./diagnostics.ts";

/** A calendar date written `YYYY-MM-DD`. Never a `Date`: a calendar day has no time zone. */
export type IsoDate = string;

/** Where an article's date came from, and the text as it was written there. */
export type DateSource =
  | { readonly kind: "front-matter"; readonly text: string }
  | { readonly kind: "text-line"; readonly line: number; readonly text: string }
  | { readonly kind: "file-name"; readonly text: string };

/** A photo caption with its credit line (`Sebastian Scheiner | Reuters`). */
export interface Figure {
  readonly kind: "figure";
  /** The caption text; empty when the file carried only a credit line. */
  readonly caption: string;
  readonly credit: string;
  /** 1-based line of the caption (or of the credit when there is no caption). */
  readonly line: number;
}

/** A paragraph of body text, in Markdown. */
export interface Paragraph {
  readonly kind: "paragraph";
  readonly text: string;
  readonly line: number;
}

/** The article body in reading order: paragraphs with figures where the file placed them. */
export type BodyBlock = Paragraph | Figure;

/** Where the headline came from. */
export type TitleSource = "front-matter" | "text" | "derived";

/** The stated date disagrees with the dates the article's own text mentions. */
export interface DateConflict {
  readonly statedDate: IsoDate;
  /** Distinct full dates found in the text, ascending. */
  readonly textDates: readonly IsoDate[];
  /** The date the text points to: the latest of `textDates`. */
  readonly suggestedDate: IsoDate;
}

export interface Article {
  /** Stable identifier, safe in a URL path segment; from the file name or front matter. */
  readonly id: string;
  /** Path of the source file, relative to the seeds folder, with `/` separators. */
  readonly sourceFile: string;
  readonly title: string;
  readonly titleSource: TitleSource;
  /** The stated publication date; `null` when the file states none. */
  readonly date: IsoDate | null;
  readonly dateSource: DateSource | null;
  /** The date of the last update, when the file states one (`Updated: ...`, front matter `updated`). */
  readonly updated: IsoDate | null;
  /** The place the story was filed from (`WASHINGTON`), when the text opens with one. */
  readonly dateline: string | null;
  /** The first sentence of the body, without the dateline. */
  readonly lead: string;
  /** `By Lauren Izso and Mohammed Tawfeeq`, or the front matter's `author`/`byline`. */
  readonly byline: string | null;
  /** Front matter `tags`, as written. */
  readonly tags: readonly string[];
  /** Front matter `people`: names the keeper asserts the article is about. */
  readonly people: readonly string[];
  /** Front matter `places`. */
  readonly places: readonly string[];
  /** Front matter `summary`. */
  readonly summary: string | null;
  /** Front matter `source`: where the article was first published. */
  readonly source: string | null;
  readonly body: readonly BodyBlock[];
  /** Words in the body, captions and credits included. */
  readonly words: number;
  readonly dateConflict: DateConflict | null;
  readonly diagnostics: readonly Diagnostic[];
}

export function figuresOf(article: Pick<Article, "body">): Figure[] {
  return article.body.filter((block): block is Figure => block.kind === "figure");
}

export function paragraphsOf(article: Pick<Article, "body">): Paragraph[] {
  return article.body.filter((block): block is Paragraph => block.kind === "paragraph");
}
