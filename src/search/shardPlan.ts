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
 * - Whole years are packed together, newest first, until the next year would
 *   overflow the shard; a year larger than a shard is split into whole
 *   months, and a month larger than a shard into whole days (a day is never
 *   split: shards must not overlap in time).
 * - Undated articles go into the oldest shard: they sort as 0000-00-00, so
 *   they stay last when the newest come first and first when the oldest do.
 * - Shards never overlap in time, so the search page can list results by date
 *   by walking the shards in order, and can answer a date range or a year
 *   from the shards that cover it.
 *
 * A shard's id names its span (`2021`, `2019-2021`, `2024-03-2024-07`,
 * `2024-07-16-2024-07-19`); the index lives in `pagefind/<id>/`. Adding
 * articles to one year changes only the shards that hold that year, so the
 * others can be kept as they are.
 *
 * Each shard also carries its pages' search filters (`pageFilters.ts`),
 * which the indexer adds to the pages' HTML.
 */
import type { ArchivedArticle } from "../archive/archive.ts";
import { pageFilters } from "./pageFilters.ts";

/** Pages per shard unless the build says otherwise: the newest shard is what the first search downloads. */
export const DEFAULT_SHARD_PAGES = 2_000;

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

/** The shards for `articles`, newest first. Every article is in exactly one. */
export function planShards(articles: readonly Planned[], maxPages: number = DEFAULT_SHARD_PAGES): SearchShard[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new RangeError(`a search shard must hold at least one page, not ${maxPages}`);
  const groups: Unit[] = [];
  let current: Unit | null = null;
  for (const unit of units(articles, maxPages)) {
    if (current !== null && current.urls.length + unit.urls.length <= maxPages) {
      current = { first: unit.first, last: current.last, urls: [...current.urls, ...unit.urls] };
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
  const shards: SearchShard[] = groups.map((group) =>
    shard(spanId(group.first, group.last), { first: startDay(group.first), last: endDay(group.last) }, group.urls),
  );
  const undated = articles.filter((article) => article.date === null).map((article) => article.url);
  if (undated.length > 0) {
    const oldest = shards.at(-1);
    if (oldest === undefined) shards.push(shard("undated", null, undated));
    else shards[shards.length - 1] = shard(oldest.id, oldest.span, [...oldest.urls, ...undated]);
  }
  return shards;
}
