/**
 * "On this day": articles from the same calendar day in other years, as BBC
 * On This Day shows them. Computed for every day of the year at once.
 */
import type { IsoDate } from "../article.ts";
import type { ArchivedArticle } from "./archive.ts";

export interface OnThisDayYear {
  readonly year: string;
  readonly articles: readonly ArchivedArticle[];
}

/** `MM-DD` → the articles of that day, grouped by year, newest year first. */
export function indexByCalendarDay(articles: readonly ArchivedArticle[]): Map<string, OnThisDayYear[]> {
  const days = new Map<string, Map<string, ArchivedArticle[]>>();
  for (const article of articles) {
    if (article.date === null) continue;
    const key = article.date.slice(5);
    const years = days.get(key) ?? new Map<string, ArchivedArticle[]>();
    days.set(key, years);
    const year = article.date.slice(0, 4);
    const list = years.get(year);
    if (list === undefined) years.set(year, [article]);
    else list.push(article);
  }
  return new Map(
    [...days].map(([key, years]) => [
      key,
      [...years].sort(([a], [b]) => (a < b ? 1 : -1)).map(([year, list]) => ({ year, articles: list })),
    ]),
  );
}

/** The articles of `today`'s calendar day in years before or after `today`'s. */
export function onThisDay(index: ReadonlyMap<string, readonly OnThisDayYear[]>, today: IsoDate): OnThisDayYear[] {
  return (index.get(today.slice(5)) ?? []).filter((group) => group.year !== today.slice(0, 4));
}
