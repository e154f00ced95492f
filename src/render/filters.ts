/**
 * Template filters: pure formatters from a value to text or HTML. They never
 * read files, sort or change what they are given.
 */
import { format } from "date-fns/format";
import { parseISO } from "date-fns/parseISO";
import type { IsoDate } from "../article.ts";
import { absoluteUrl, type SiteSettings } from "../site/siteSettings.ts";
import { citeArticle } from "./citations.ts";
import { articleDescription } from "./description.ts";
import { articleIndex, feedArticles, jsonFeed } from "./feeds.ts";
import { renderMarkdown, renderMarkdownInline } from "./markdown.ts";
import { headersFile, PAGE_POLICY, SEARCH_POLICY } from "./securityPolicy.ts";
import { barChartSvg } from "./barChart.ts";
import { monthsChart, yearsChart } from "./periodCharts.ts";
import { newsArticleJsonLd } from "./structuredData.ts";

/** Dates already formatted: a site lists the same few thousand days on every page, and date-fns was a tenth of render time. */
const readableDates = new Map<string, string>();

/** `2021-05-18` → `18 May 2021`. Parsed as a local calendar day, so no time zone can shift it. */
export function readableDate(date: IsoDate): string {
  let text = readableDates.get(date);
  if (text === undefined) {
    text = format(parseISO(date), "d MMMM yyyy");
    // Days, not times: bounded by the calendar, but a hostile archive could still list many.
    if (readableDates.size < 100_000) readableDates.set(date, text);
  }
  return text;
}

/** `2021-05` → `May 2021`. */
export function monthLabel(month: string): string {
  return format(parseISO(`${month}-01`), "MMMM yyyy");
}

/** `2021` → `2021`, `2021-05` → `May 2021`. */
export function periodLabel(period: string): string {
  return period.length === 4 ? period : monthLabel(period);
}

const KIND_LABELS = { person: "People", place: "Places", organization: "Organisations" } as const;

/** `person` → `People`: the heading of a kind's list. */
export function kindLabel(kind: keyof typeof KIND_LABELS): string {
  return KIND_LABELS[kind];
}

/** `person` → `person`, `organization` → `organisation`: one entity's kind in a sentence. */
export function kindNoun(kind: keyof typeof KIND_LABELS): string {
  return kind === "organization" ? "organisation" : kind;
}

/** `2021-05-18` → `Tuesday`. */
export function weekday(date: IsoDate): string {
  return format(parseISO(date), "EEEE");
}

/** Reading speed for news text, words per minute. */
const WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** A calendar day as the instant feeds want: midnight UTC, so no zone moves the day. */
export function dayStart(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Filters by the name templates use them under. */
export const filters = {
  readableDate,
  monthLabel,
  periodLabel,
  kindLabel,
  kindNoun,
  weekday,
  readingMinutes,
  dayStart,
  articleDescription,
  markdown: renderMarkdown,
  markdownInline: renderMarkdownInline,
  yearsChart,
  monthsChart,
  countsChart: (periods: ReadonlyArray<{ period: string; count: number }>, title: string) =>
    barChartSvg(
      periods.map((item) => ({ label: periodLabel(item.period).replace(/ \d{4}$/, ""), value: item.count })),
      title,
    ),
  siteUrl: (path: string, site: SiteSettings) => absoluteUrl(site, path),
  citations: (article: Parameters<typeof citeArticle>[0]["article"], site: SiteSettings, url: string, accessed: string) =>
    citeArticle({ article, url, siteTitle: site.title, accessed }),
  newsArticleJsonLd: (article: Parameters<typeof newsArticleJsonLd>[0]["article"]) => newsArticleJsonLd({ article }),
  contentSecurityPolicy: (pageKind: string | undefined) => (pageKind === "search" ? SEARCH_POLICY : PAGE_POLICY),
  headersFile,
  feedArticles,
  jsonFeed,
  articleIndex,
  json: (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"),
} as const;
