/**
 * What the search page knows before it loads any index, written into the
 * page as data (see layouts/search.njk and layouts/assets/search.js):
 *
 * - the shards, newest first, each with the address of its Pagefind bundle:
 *   the page searches the first at once and merges the others after;
 * - the names of the filters, so an address such as `?dateline=GENEVA` is
 *   read as a filter before Pagefind's filter lists have arrived;
 * - every value of every filter with its count of articles, as Pagefind's
 *   filter lists would give them: the filter pane of a page without a search,
 *   the date-range pickers, and a range turned into month filters, all without
 *   Pagefind. Its filter lists are loaded only once a search asks for counts:
 *   at 20,000 articles they are some 400 KB over all shards, these 6 KB.
 */
import type { SearchShard } from "../search/shardPlan.ts";
import type { SiteSettings } from "../site/siteSettings.ts";

export interface SearchPageShard {
  readonly id: string;
  /** Site path of its Pagefind bundle, path prefix included, ending in `/`. */
  readonly bundle: string;
  /** First and last day covered (YYYY-MM-DD), `null` for undated articles only. */
  readonly first: string | null;
  readonly last: string | null;
}

export interface SearchPageData {
  /** The site's path prefix, which Pagefind puts before every result's address. */
  readonly baseUrl: string;
  readonly shards: readonly SearchPageShard[];
  readonly filterNames: readonly string[];
  /** Article counts by filter and value (`year` → `2021` → 1), as Pagefind's filter lists would give them. */
  readonly totals: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function searchPageData(shards: readonly SearchShard[], settings: SiteSettings): SearchPageData {
  // From the filters the shard plan gives the indexer: the counts are those of what is indexed.
  const totals: Record<string, Record<string, number>> = {};
  for (const shard of shards) {
    for (const filters of Object.values(shard.filters)) {
      for (const filter of filters) {
        // As Pagefind reads them: the name up to the first colon.
        const colon = filter.indexOf(":");
        const values = (totals[filter.slice(0, colon)] ??= {});
        const value = filter.slice(colon + 1);
        values[value] = (values[value] ?? 0) + 1;
      }
    }
  }
  return {
    baseUrl: settings.pathPrefix,
    shards: shards.map((shard) => ({
      id: shard.id,
      bundle: `${settings.pathPrefix}pagefind/${shard.id}/`,
      first: shard.span?.first ?? null,
      last: shard.span?.last ?? null,
    })),
    filterNames: Object.keys(totals).sort(),
    totals,
  };
}
