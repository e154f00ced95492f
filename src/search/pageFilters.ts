/**
 * The search filters of an article page, and the markup that gives them to
 * Pagefind.
 *
 * The filters are not written into the page: an article page must stay
 * within 30 KB with its stylesheet (issue 8), and its filters, one hidden
 * element each, cost up to 1.2 KB that no reader sees (a CNN article names
 * up to twenty entities common enough to be facets). The shard plan carries
 * them instead, and the indexer adds `filterMarkup` to the HTML it hands
 * Pagefind, which reads `data-pagefind-filter` anywhere in a page, in or out
 * of its `data-pagefind-body`.
 * https://pagefind.app/docs/filtering/
 */
import type { ArchivedArticle } from "../archive/archive.ts";

/** Filter names besides the entity facets (`person`, `location`, `organization`: see entityPages.ts). */
export const DATE_FILTERS = { year: "year", month: "month" } as const;
export const DATELINE_FILTER = "dateline";

export type FilteredArticle = Pick<ArchivedArticle, "date" | "dateline" | "facets">;

/**
 * `name:value` for each filter of an article, as Pagefind's attribute takes
 * them: its year (`undated` without a date), month, dateline, and entity
 * facets, in that order. A value keeps any further colon: Pagefind splits
 * at the first.
 */
export function pageFilters(article: FilteredArticle): string[] {
  const filters =
    article.date === null
      ? [`${DATE_FILTERS.year}:undated`]
      : [`${DATE_FILTERS.year}:${article.date.slice(0, 4)}`, `${DATE_FILTERS.month}:${article.date.slice(0, 7)}`];
  if (article.dateline !== null) filters.push(`${DATELINE_FILTER}:${article.dateline}`);
  for (const facet of article.facets) filters.push(`${facet.filter}:${facet.value}`);
  return filters;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

/** One empty `<span data-pagefind-filter>` per filter, each value escaped for an attribute. */
export function filterMarkup(filters: readonly string[]): string {
  return filters
    .map((filter) => `<span data-pagefind-filter="${filter.replace(/[&"<>]/g, (char) => ESCAPES[char] ?? char)}"></span>`)
    .join("");
}
