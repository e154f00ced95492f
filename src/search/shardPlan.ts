/**
 * Archive → search shards: which article pages go into which Pagefind index.
 *
 * One Pagefind index over a large archive costs too much twice over: the
 * indexer's memory grows with every page (about 0.34 GB per 1,000), and the
 * browser must fetch the index's page list (about 10 bytes a page, gzipped)
 * before its first result. So the articles are split by date into shards of
 * at most `maxPages` pages, each an independent Pagefind index that the
 * search page merges in the browser (Pagefind's `mergeIndex`):
 *
 * - The newest shard, the head, holds the newest whole days, at most a
 *   quarter of a shard (250 pages by default): it is what the search page
 *   downloads and searches before its first results, and what an article
 *   added today changes. Over 20,000 articles, the first results were
 *   known 410 ms after navigation with a head of 1,979 pages, 343 ms with
 *   one of 474 (median of 9 runs of `npm run bench:search`).
 * - The other articles are packed oldest first, whole years together until
 *   the next year would overflow the shard; a year larger than a shard is
 *   split into whole months, and a month larger than a shard into whole days
 *   (a day is never split: shards must not overlap in time). Oldest first,
 *   so that an archive growing at its newest end keeps its older shards as
 *   they are: new articles change the head and, as days leave the head, the
 *   newest of the others.
 * - Undated articles go into the oldest shard: they sort as 0000-00-00, so
 *   they stay last when the newest come first and first when the oldest do.
 * - Shards never overlap in time, so the search page can list results by date
 *   by walking the shards in order, and can answer a date range or a year
 *   from the shards that cover it.
 *
 * A shard's id names its span (`2021`, `2019-2021`, `2024-03-2024-07`,
 * `2024-07-16-2024-07-19`); the index lives in `pagefind/<id>/`. The span
 * of the shard before the head ends the day before the head begins, even
 * when its id names the whole year.
 *
 * Each shard also carries its pages' search filters (`pageFilters.ts`),
 * which the indexer adds to the pages' HTML.
 */
import type { ArchivedArticle } from "../archive/archive.ts";
import { pageFilters } from "./pageFilters.ts";

/**
 * Pages per shard unless the build says otherwise (the head holds a quarter
 * of that). An edited article's shard is indexed again whole: at 20,000
 * articles, shards of 2,000 pages made that 6.5 s of a rebuild, shards of
 * 1,000 3 s, for 32% more bytes (1.2 MB against 0.9 MB) before a query has
 * the whole archive's results; the first results, from the head, are the
 * same or cheaper.
 */
export const DEFAULT_SHARD_PAGES = 1_000;

export interface SearchShard {
  /** Folder name under `pagefind/` and the value of the shard's synthetic filter. */
  readonly id: string;
  /** First and last day it covers (YYYY-MM-DD), `null` for a shard of undated articles only. */
  readonly span: { readonly first: string; readonly last: string } | null;
  /** Site paths of its article pages (`/articles/x/`). */
  readonly urls: readonly string[];
  /** The search filters of each of its pages, by site path: `year:2021`, `person:Joe Biden`... */
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

type Planned = Pick<ArchivedArticle, "url" | "date" | "dateline" | "facets">;

/** Articles packed as one: a year, a month or a day (`first` and `last` are the same), or a run of them. */
interface Unit {
  readonly first: string;
  readonly last: string;
  readonly urls: string[];
}

/** Lengths of a date's year, month and day prefixes. */
const YEAR = 4;
const MONTH = 7;
const DAY = 10;

/**
 * The packing units of the dated `articles`, newest first: whole years, the
 * months of a year too large for a shard, the days of such a month.
 */
function units(articles: readonly Planned[], maxPages: number, length = YEAR): Unit[] {
  const groups = new Map<string, Planned[]>();
  for (const article of articles) {
    if (article.date === null) continue;
    const key = article.date.slice(0, length);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [article]);
    else group.push(article);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .flatMap(([key, group]) =>
      group.length <= maxPages || length === DAY
        ? [{ first: key, last: key, urls: group.map((article) => article.url) }]
        : units(group, maxPages, length === YEAR ? MONTH : DAY),
    );
}

const spanId = (first: string, last: string) => (first === last ? first : `${first}-${last}`);
/** The first day of a year, month or day. */
const startDay = (bound: string) => (bound.length === YEAR ? `${bound}-01-01` : bound.length === MONTH ? `${bound}-01` : bound);
/** The last day of a year, month or day. */
function endDay(bound: string): string {
  if (bound.length === YEAR) return `${bound}-12-31`;
  if (bound.length === DAY) return bound;
  // Day 0 of the next month is this month's last.
  const last = new Date(Date.UTC(Number(bound.slice(0, 4)), Number(bound.slice(5, 7)), 0)).getUTCDate();
  return `${bound}-${String(last).padStart(2, "0")}`;
}

/** The day before `day` (YYYY-MM-DD). */
function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, DAY);
}

/** The newest shard's size for a shard size: what the first search downloads and searches. */
const headPagesFor = (maxPages: number) => Math.max(1, Math.floor(maxPages / 4));

/**
 * The shards for `articles`, newest first. Every article is in exactly one.
 * The newest is the head, at most `headPages` pages of whole days; the rest
 * are packed oldest first.
 */
export function planShards(
  articles: readonly Planned[],
  maxPages: number = DEFAULT_SHARD_PAGES,
  headPages: number = headPagesFor(maxPages),
): SearchShard[] {
  for (const size of [maxPages, headPages])
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a search shard must hold at least one page, not ${size}`);
  const dated = articles.filter((article) => article.date !== null);
  // Days are never split, whatever their size.
  const days = units(dated, Number.POSITIVE_INFINITY, DAY);
  // The head: the newest whole days, at least one.
  let headCount = 0;
  let headDays = 0;
  for (const day of days) {
    if (headDays > 0 && headCount + day.urls.length > headPages) break;
    headCount += day.urls.length;
    headDays++;
  }
  const head = days.slice(0, headDays);
  const boundary = head.at(-1)?.first;
  const body = boundary === undefined ? [] : dated.filter((article) => (article.date ?? "").slice(0, DAY) < boundary);

  // Oldest first, so that an archive growing at its newest end leaves its
  // older shards as they are: only the head and the newest of the others change.
  const groups: Unit[] = [];
  let current: Unit | null = null;
  for (const unit of units(body, maxPages).reverse()) {
    if (current !== null && current.urls.length + unit.urls.length <= maxPages) {
      current = { first: current.first, last: unit.last, urls: [...current.urls, ...unit.urls] };
      groups[groups.length - 1] = current;
    } else {
      current = { ...unit, urls: [...unit.urls] };
      groups.push(current);
    }
  }
  const filtersOf = new Map(articles.map((article) => [article.url, pageFilters(article)]));
  const shard = (id: string, span: SearchShard["span"], urls: string[]): SearchShard => {
    const sorted = urls.sort();
    return { id, span, urls: sorted, filters: Object.fromEntries(sorted.map((url) => [url, filtersOf.get(url) ?? []])) };
  };
  const shards: SearchShard[] = groups.reverse().map((group) => {
    // The newest of them may end inside a year or month the head goes on with.
    const last = endDay(group.last);
    return shard(
      spanId(group.first, group.last),
      {
        first: startDay(group.first),
        last: boundary !== undefined && last >= boundary ? dayBefore(boundary) : last,
      },
      group.urls,
    );
  });
  const newest = head[0];
  if (newest !== undefined && boundary !== undefined)
    shards.unshift(
      shard(
        spanId(boundary, newest.last),
        { first: boundary, last: newest.last },
        head.flatMap((day) => day.urls),
      ),
    );
  const undated = articles.filter((article) => article.date === null).map((article) => article.url);
  if (undated.length > 0) {
    const oldest = shards.at(-1);
    if (oldest === undefined) shards.push(shard("undated", null, undated));
    else shards[shards.length - 1] = shard(oldest.id, oldest.span, [...oldest.urls, ...undated]);
  }
  return shards;
}
