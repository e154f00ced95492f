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
 *   overflow the shard; a year larger than a shard is split into runs of
 *   whole months (a month is never split).
 * - Undated articles go into the oldest shard: they sort as 0000-00-00, so
 *   they stay last when the newest come first and first when the oldest do.
 * - Shards never overlap in time, so the search page can list results by date
 *   by walking the shards in order, and can answer a date range or a year
 *   from the shards that cover it.
 *
 * A shard's id names its span (`2021`, `2019-2021`, `2024-03-2024-07`); the
 * index lives in `pagefind/<id>/`. Adding articles to one year changes only
 * the shards that hold that year, so the others can be kept as they are.
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
  /** First and last month it covers (YYYY-MM), `null` for a shard of undated articles only. */
  readonly span: { readonly first: string; readonly last: string } | null;
  /** Site paths of its article pages (`/articles/x/`). */
  readonly urls: readonly string[];
  /** The search filters of each of its pages, by site path: `year:2021`, `person:Joe Biden`... */
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

type Planned = Pick<ArchivedArticle, "url" | "date" | "dateline" | "facets">;

interface Unit {
  readonly first: string;
  readonly last: string;
  readonly urls: string[];
}

/** Dated articles by month (YYYY-MM), newest month first. */
function byMonth(articles: readonly Planned[]): Array<[string, string[]]> {
  const months = new Map<string, string[]>();
  for (const article of articles) {
    if (article.date === null) continue;
    const month = article.date.slice(0, 7);
    const urls = months.get(month) ?? [];
    urls.push(article.url);
    months.set(month, urls);
  }
  return [...months.entries()].sort(([a], [b]) => (a < b ? 1 : -1));
}

/** The packing units, newest first: whole years, or whole months of a year too large for one shard. */
function units(articles: readonly Planned[], maxPages: number): Unit[] {
  const years = new Map<string, Array<[string, string[]]>>();
  for (const [month, urls] of byMonth(articles)) {
    const year = month.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), [month, urls]]);
  }
  const result: Unit[] = [];
  for (const [year, months] of years) {
    const size = months.reduce((sum, [, urls]) => sum + urls.length, 0);
    if (size <= maxPages) result.push({ first: year, last: year, urls: months.flatMap(([, urls]) => urls) });
    else for (const [month, urls] of months) result.push({ first: month, last: month, urls: [...urls] });
  }
  return result;
}

const spanId = (first: string, last: string) => (first === last ? first : `${first}-${last}`);
const startMonth = (bound: string) => (bound.length === 4 ? `${bound}-01` : bound);
const endMonth = (bound: string) => (bound.length === 4 ? `${bound}-12` : bound);

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
    shard(spanId(group.first, group.last), { first: startMonth(group.first), last: endMonth(group.last) }, group.urls),
  );
  const undated = articles.filter((article) => article.date === null).map((article) => article.url);
  if (undated.length > 0) {
    const oldest = shards.at(-1);
    if (oldest === undefined) shards.push(shard("undated", null, undated));
    else shards[shards.length - 1] = shard(oldest.id, oldest.span, [...oldest.urls, ...undated]);
  }
  return shards;
}
