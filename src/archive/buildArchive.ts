/**
 * Articles → archive: sorted once, linked, grouped. Pure.
 */
import type { Article, IsoDate } from "../article.ts";
import type { Archive, ArchivedArticle, ArticleLink, MonthGroup, YearGroup } from "./archive.ts";
import { indexByCalendarDay, onThisDay } from "./onThisDay.ts";
import { buildPeriodPages } from "./periods.ts";
import { findRelated } from "./related.ts";

export interface ArchiveOptions {
  /** The build's calendar day, for "on this day". */
  readonly today: IsoDate;
}

/** How many of the newest articles the home page lists. */
export const LATEST_COUNT = 10;

/** Oldest first by date, then by id; undated articles after all dated ones. */
export function compareChronologically(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function articleUrl(id: string): string {
  return `/articles/${id}/`;
}

function linkTo(article: Article): ArticleLink {
  return { id: article.id, url: articleUrl(article.id), title: article.title, date: article.date };
}

function groupByYearAndMonth(articles: readonly ArchivedArticle[]): YearGroup[] {
  const years = new Map<string, Map<string, ArchivedArticle[]>>();
  for (const article of articles) {
    if (article.date === null) continue;
    const year = article.date.slice(0, 4);
    const month = article.date.slice(0, 7);
    const months = years.get(year) ?? new Map<string, ArchivedArticle[]>();
    years.set(year, months);
    const list = months.get(month);
    if (list === undefined) months.set(month, [article]);
    else list.push(article);
  }
  // Input is already chronological, so insertion order is date order.
  return [...years].map(([year, months]) => {
    const monthGroups: MonthGroup[] = [...months].map(([month, list]) => ({ month, articles: list }));
    return { year, count: monthGroups.reduce((sum, group) => sum + group.articles.length, 0), months: monthGroups };
  });
}

export function buildArchive(input: readonly Article[], options: ArchiveOptions): Archive {
  const sorted = [...input].sort(compareChronologically);
  const byId = new Map(sorted.map((article) => [article.id, article]));
  const related = findRelated(sorted);
  const articles: ArchivedArticle[] = sorted.map((article, index) => {
    const before = sorted[index - 1];
    const after = sorted[index + 1];
    return {
      ...article,
      url: articleUrl(article.id),
      previous: before === undefined ? null : linkTo(before),
      next: after === undefined ? null : linkTo(after),
      related: (related.get(article.id) ?? []).flatMap((link) => {
        const other = byId.get(link.id);
        return other === undefined ? [] : [{ ...linkTo(other), score: link.score, nearDuplicate: link.nearDuplicate }];
      }),
    };
  });
  const dated = articles.filter((article) => article.date !== null);
  const first = dated[0]?.date;
  const last = dated[dated.length - 1]?.date;
  const years = groupByYearAndMonth(articles);
  return {
    articles,
    years,
    undated: articles.filter((article) => article.date === null),
    span: first && last ? { first, last } : null,
    latest: [...dated].reverse().slice(0, LATEST_COUNT),
    periodPages: buildPeriodPages(years),
    onThisDay: onThisDay(indexByCalendarDay(dated), options.today),
    today: options.today,
  };
}
