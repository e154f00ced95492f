/**
 * What an article page shows after its text: the entities it names, its
 * quotations and related coverage, fewer the longer the article.
 *
 * An article page must stay within 30 KB, HTML and CSS (issue 8), and its
 * text is never shortened, so a long article leaves less room for the rest.
 * Past each length below (the article's text in UTF-8 bytes, about what its
 * `.article-body` weighs), the page lists fewer of each; the rest are
 * counted. Nothing is lost: entities and quotations are in the text, entity
 * pages list every article and quotation of theirs, and related articles
 * link back. Near-identical copies (the same story saved again) come first
 * among the related, as they are the most similar.
 */
import type { Article, BodyBlock } from "../article.ts";
import type { RelatedArticle } from "./archive.ts";
import type { AttributedQuote, EntityRef } from "./entityPages.ts";

/** How many of each an article page lists. */
export interface ExtrasLimits {
  readonly entities: number;
  readonly quotes: number;
  readonly related: number;
}

/** From the first tier whose `textBytes` the article's text reaches, the longest first. */
export const EXTRAS_BY_LENGTH: ReadonlyArray<ExtrasLimits & { readonly textBytes: number }> = [
  { textBytes: 22_000, entities: 2, quotes: 1, related: 1 },
  { textBytes: 19_000, entities: 5, quotes: 1, related: 3 },
  { textBytes: 0, entities: 10, quotes: 3, related: 5 },
];

export interface ArticleExtras {
  /** Entities listed, most mentioned first. */
  readonly entities: readonly EntityRef[];
  /** Entities named but not listed. */
  readonly moreEntities: number;
  /** Quotations listed, in text order. */
  readonly quotes: readonly AttributedQuote[];
  /** Quotations in the text but not listed. */
  readonly moreQuotes: number;
  /** The same story saved again, most similar first. */
  readonly copies: readonly RelatedArticle[];
  /** Other articles on the same story, most similar first. */
  readonly related: readonly RelatedArticle[];
}

/** UTF-8 bytes of an article's text: paragraphs, captions and credits. */
export function textBytes(body: readonly BodyBlock[]): number {
  let bytes = 0;
  for (const block of body)
    bytes +=
      block.kind === "paragraph" ? Buffer.byteLength(block.text) : Buffer.byteLength(block.caption) + Buffer.byteLength(block.credit);
  return bytes;
}

/** The limits for an article whose text weighs `bytes`. */
export function extrasLimits(bytes: number): ExtrasLimits {
  const tier = EXTRAS_BY_LENGTH.find((candidate) => bytes >= candidate.textBytes);
  // The last tier starts at 0 bytes, so one always matches.
  return tier ?? (EXTRAS_BY_LENGTH.at(-1) as ExtrasLimits);
}

export interface ExtrasInput {
  readonly body: Article["body"];
  readonly entities: readonly EntityRef[];
  readonly quotes: readonly AttributedQuote[];
  /** Most similar first. */
  readonly related: readonly RelatedArticle[];
}

export function articleExtras({ body, entities, quotes, related }: ExtrasInput): ArticleExtras {
  const limits = extrasLimits(textBytes(body));
  const shownRelated = related.slice(0, limits.related);
  return {
    entities: entities.slice(0, limits.entities),
    moreEntities: Math.max(0, entities.length - limits.entities),
    quotes: quotes.slice(0, limits.quotes),
    moreQuotes: Math.max(0, quotes.length - limits.quotes),
    copies: shownRelated.filter((other) => other.nearDuplicate),
    related: shownRelated.filter((other) => !other.nearDuplicate),
  };
}
