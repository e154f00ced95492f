/**
 * What the search page knows before it loads any index, written into the
 * page as data (see layouts/search.njk and layouts/assets/search.js):
 *
 * - the shards, newest first, each with the address of its Pagefind bundle:
 *   the page searches the first at once and merges the others after;
 * - the names of the filters, so an address such as `?dateline=GENEVA` is
 *   read as a filter before Pagefind's filter lists have arrived;
 * - the years and months that have articles, for the date-range pickers and
 *   for turning a range into month filters without waiting for those lists.
 */
import type { Archive } from "../archive/archive.ts";
import { DATE_FILTERS, DATELINE_FILTER } from "../search/pageFilters.ts";
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
  /** Article counts by year and by month, as Pagefind's filter lists would give them. */
  readonly dates: { readonly year: Record<string, number>; readonly month: Record<string, number> };
}

export function searchPageData(archive: Archive, shards: readonly SearchShard[], settings: SiteSettings): SearchPageData {
  const year: Record<string, number> = {};
  const month: Record<string, number> = {};
  for (const group of archive.years) {
    year[group.year] = group.count;
    for (const months of group.months) month[months.month] = months.articles.length;
  }
  if (archive.undated.length > 0) year["undated"] = archive.undated.length;

  const names = new Set<string>([DATE_FILTERS.year]);
  if (Object.keys(month).length > 0) names.add(DATE_FILTERS.month);
  for (const article of archive.articles) {
    if (article.dateline) names.add(DATELINE_FILTER);
    for (const facet of article.facets) names.add(facet.filter);
  }
  return {
    baseUrl: settings.pathPrefix,
    shards: shards.map((shard) => ({
      id: shard.id,
      bundle: `${settings.pathPrefix}pagefind/${shard.id}/`,
      first: shard.span?.first ?? null,
      last: shard.span?.last ?? null,
    })),
    filterNames: [...names].sort(),
    dates: { year, month },
  };
}
