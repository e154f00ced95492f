/**
 * The archive: every article in reading order, linked to its neighbours in
 * time and grouped for browsing. Built once (see `buildArchive`); templates
 * only loop over it.
 */
import type { Article, IsoDate } from "../article.ts";
import type { ArticleExtras } from "./articleExtras.ts";
import type { EntityKind } from "./entities.ts";
import type { AttributedQuote, EntityRef } from "./entityPages.ts";
import type { OnThisDayYear } from "./onThisDay.ts";
import type { PeriodPage } from "./periods.ts";

/** Enough of an article to link to it. */
export interface ArticleLink {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly date: IsoDate | null;
}

/** Another article on the same story. */
export interface RelatedArticle extends ArticleLink {
  /** TF-IDF cosine, 0–1. */
  readonly score: number;
  /** The same story saved again. */
  readonly nearDuplicate: boolean;
}

export interface ArchivedArticle extends Article {
  /** Site-absolute URL of the article page, ending in `/`. */
  readonly url: string;
  /** The article before this one in time, `null` for the first. */
  readonly previous: ArticleLink | null;
  readonly next: ArticleLink | null;
  /** Up to five articles on the same story, most similar first. */
  readonly related: readonly RelatedArticle[];
  /** People, places and organisations it names, most mentioned first. */
  readonly entities: readonly EntityRef[];
  /** Direct quotations with a named speaker. */
  readonly quotes: readonly AttributedQuote[];
  /** Entities common enough in the archive to be search facets. */
  readonly facets: ReadonlyArray<{ readonly filter: string; readonly value: string }>;
  /** What its page lists after the text: fewer entities, quotations and related articles the longer it is. */
  readonly extras: ArticleExtras;
}

/** Where one page of a list split into pages stands among the others. */
export interface ListPage {
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly previousPage: string | null;
  readonly nextPage: string | null;
}

/** One page of an entity's articles. */
export interface EntityPageView extends ListPage {
  readonly url: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** The list of every entity of its kind. */
  readonly indexUrl: string;
  /** Articles naming it, all pages. */
  readonly count: number;
  readonly span: { readonly first: IsoDate; readonly last: IsoDate } | null;
  /** Its articles over time, for its chart: per year, or per month when they all fall in one year. */
  readonly timeline: ReadonlyArray<{ readonly period: string; readonly count: number }>;
  readonly articles: readonly ArchivedArticle[];
  readonly companions: readonly EntityRef[];
  readonly quotes: ReadonlyArray<AttributedQuote & { readonly article: ArticleLink }>;
}

/** One page of the list of every person, place or organisation with a page. */
export interface EntityIndexPage extends ListPage {
  readonly url: string;
  readonly kind: EntityKind;
  readonly entries: ReadonlyArray<{ readonly name: string; readonly url: string; readonly count: number }>;
}

export interface MonthGroup {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly articles: readonly ArchivedArticle[];
}

export interface YearGroup {
  readonly year: string;
  readonly count: number;
  readonly months: readonly MonthGroup[];
}

export interface Archive {
  /** Oldest first, ties broken by id; undated articles last. */
  readonly articles: readonly ArchivedArticle[];
  /** Dated articles grouped by year, then month, both oldest first. */
  readonly years: readonly YearGroup[];
  readonly undated: readonly ArchivedArticle[];
  /** First and last dates in the archive, `null` when nothing is dated. */
  readonly span: { readonly first: IsoDate; readonly last: IsoDate } | null;
  /** Newest first, for the home page. */
  readonly latest: readonly ArchivedArticle[];
  /** Every year and month page, split into pages of bounded size. */
  readonly periodPages: readonly PeriodPage[];
  /** Articles from today's calendar day in other years, newest year first. */
  readonly onThisDay: readonly OnThisDayYear[];
  /** The calendar day "today" was taken to be. */
  readonly today: IsoDate;
  readonly entityPages: readonly EntityPageView[];
  readonly entityIndexPages: readonly EntityIndexPage[];
}
