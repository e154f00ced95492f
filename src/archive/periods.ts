/**
 * Browsing by time at any size: one page per year and per month, each
 * listing its articles by day and split into pages of at most
 * {@link PERIOD_PAGE_SIZE} entries, so no page grows with the archive.
 * Month pages carry a calendar whose days link to their articles.
 */
import { getDay } from "date-fns/getDay";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { parseISO } from "date-fns/parseISO";
import type { IsoDate } from "../article.ts";
import type { ArchivedArticle, ListPage, YearGroup } from "./archive.ts";

/** Entries per page: about 100 KB of HTML with headlines and leads. */
export const PERIOD_PAGE_SIZE = 150;

export interface DayGroup {
  readonly date: IsoDate;
  readonly articles: readonly ArchivedArticle[];
}

export interface CalendarDay {
  readonly day: number;
  readonly date: IsoDate;
  readonly count: number;
  /** Where that day's articles are listed, `null` for a day without any. */
  readonly href: string | null;
}

/** A month as weeks from Monday to Sunday; `null` pads the first and last week. */
export interface CalendarMonth {
  readonly month: string;
  readonly weeks: ReadonlyArray<ReadonlyArray<CalendarDay | null>>;
}

export interface PeriodLink {
  readonly period: string;
  readonly url: string;
  readonly count: number;
}

export interface PeriodPage extends ListPage {
  readonly url: string;
  readonly kind: "year" | "month";
  /** `2021` or `2021-05`. */
  readonly period: string;
  /** Articles in the whole period, all pages. */
  readonly count: number;
  readonly previousPeriod: PeriodLink | null;
  readonly nextPeriod: PeriodLink | null;
  /** The articles on this page, by day, oldest first. */
  readonly days: readonly DayGroup[];
  /** Month pages: the month's calendar. */
  readonly calendar: CalendarMonth | null;
  /** Year pages: every month of the year with its count. */
  readonly months: readonly PeriodLink[];
  /** Month pages: their year. */
  readonly parent: PeriodLink | null;
}

export function periodUrl(period: string): string {
  return `/${period.replace("-", "/")}/`;
}

function pageUrl(period: string, pageNumber: number): string {
  return pageNumber === 1 ? periodUrl(period) : `${periodUrl(period)}page/${pageNumber}/`;
}

function dayAnchor(date: IsoDate): string {
  return `d${date}`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks.length === 0 ? [[]] : chunks;
}

function byDay(articles: readonly ArchivedArticle[]): DayGroup[] {
  const days: Array<{ date: IsoDate; articles: ArchivedArticle[] }> = [];
  for (const article of articles) {
    const date = article.date as IsoDate;
    const last = days[days.length - 1];
    if (last?.date === date) last.articles.push(article);
    else days.push({ date, articles: [article] });
  }
  return days;
}

/** Calendar of `month` (`YYYY-MM`); `hrefOf` says where a day's articles are. */
export function calendarMonth(month: string, counts: ReadonlyMap<IsoDate, number>, hrefOf: (date: IsoDate) => string): CalendarMonth {
  const first = parseISO(`${month}-01`);
  // date-fns counts Sunday as 0; the calendar starts its weeks on Monday.
  const lead = (getDay(first) + 6) % 7;
  const cells: Array<CalendarDay | null> = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= getDaysInMonth(first); day++) {
    const date = `${month}-${String(day).padStart(2, "0")}`;
    const count = counts.get(date) ?? 0;
    cells.push({ day, date, count, href: count > 0 ? hrefOf(date) : null });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return { month, weeks: chunk(cells, 7) };
}

function pagesFor(
  kind: PeriodPage["kind"],
  period: string,
  articles: readonly ArchivedArticle[],
  neighbours: { previousPeriod: PeriodLink | null; nextPeriod: PeriodLink | null },
  months: readonly PeriodLink[],
  parent: PeriodLink | null,
): PeriodPage[] {
  const pages = chunk(articles, PERIOD_PAGE_SIZE);
  const pageOfDay = new Map<IsoDate, number>();
  const counts = new Map<IsoDate, number>();
  pages.forEach((list, index) => {
    for (const article of list) {
      const date = article.date as IsoDate;
      if (!pageOfDay.has(date)) pageOfDay.set(date, index + 1);
      counts.set(date, (counts.get(date) ?? 0) + 1);
    }
  });
  const calendar =
    kind === "month" ? calendarMonth(period, counts, (date) => `${pageUrl(period, pageOfDay.get(date) ?? 1)}#${dayAnchor(date)}`) : null;
  return pages.map((list, index) => ({
    url: pageUrl(period, index + 1),
    kind,
    period,
    count: articles.length,
    pageNumber: index + 1,
    pageCount: pages.length,
    previousPage: index === 0 ? null : pageUrl(period, index),
    nextPage: index === pages.length - 1 ? null : pageUrl(period, index + 2),
    ...neighbours,
    days: byDay(list),
    calendar,
    months,
    parent,
  }));
}

/** Every year and month page of the archive, years first, each in date order. */
export function buildPeriodPages(years: readonly YearGroup[]): PeriodPage[] {
  const yearLinks = years.map((year) => ({ period: year.year, url: periodUrl(year.year), count: year.count }));
  const monthGroups = years.flatMap((year) => year.months);
  const monthLinks = monthGroups.map((month) => ({ period: month.month, url: periodUrl(month.month), count: month.articles.length }));

  const yearPages = years.flatMap((year, index) =>
    pagesFor(
      "year",
      year.year,
      year.months.flatMap((month) => month.articles),
      { previousPeriod: yearLinks[index - 1] ?? null, nextPeriod: yearLinks[index + 1] ?? null },
      monthLinks.filter((link) => link.period.startsWith(`${year.year}-`)),
      null,
    ),
  );
  const yearOf = new Map(yearLinks.map((link) => [link.period, link]));
  const monthPages = monthGroups.flatMap((month, index) =>
    pagesFor(
      "month",
      month.month,
      month.articles,
      { previousPeriod: monthLinks[index - 1] ?? null, nextPeriod: monthLinks[index + 1] ?? null },
      [],
      yearOf.get(month.month.slice(0, 4)) ?? null,
    ),
  );
  return [...yearPages, ...monthPages];
}
