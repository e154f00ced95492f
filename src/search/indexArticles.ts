/**
 * Built article pages → a Pagefind index, through Pagefind's Node API.
 * Only article pages are indexed: home, timeline and search pages would
 * otherwise show up as results for every word they list.
 * Each article page marks its own title and date (`data-pagefind-meta`),
 * sort key (`data-pagefind-sort="date[datetime]"`) and year filter.
 */
import { join } from "node:path";
import * as pagefind from "pagefind";

/** Where the index and Pagefind's UI files go, inside the site. */
export const PAGEFIND_DIR = "pagefind";
/** Which built pages are articles, relative to the site folder. */
export const ARTICLE_PAGES_GLOB = "articles/**/*.html";

/** Pagefind reported errors; each names the file or step it failed on. */
export class SearchIndexError extends Error {
  override readonly name = "SearchIndexError";
  constructor(
    step: string,
    readonly errors: readonly string[],
  ) {
    super(`Pagefind could not ${step}:\n  ${errors.join("\n  ")}`);
  }
}

export interface SearchIndexResult {
  readonly indexedPages: number;
}

export async function indexArticles(siteDir: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: "en" });
    if (created.errors.length > 0 || created.index === undefined) throw new SearchIndexError("start an index", created.errors);
    const { index } = created;

    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length > 0) throw new SearchIndexError(`index the pages in ${siteDir}`, added.errors);

    const written = await index.writeFiles({ outputPath: join(siteDir, PAGEFIND_DIR) });
    if (written.errors.length > 0) throw new SearchIndexError("write the index", written.errors);
    await index.deleteIndex();
    return { indexedPages: added.page_count };
  } finally {
    // The Node API runs the Pagefind binary as a service; left open, it keeps the process alive.
    await pagefind.close();
  }
}
