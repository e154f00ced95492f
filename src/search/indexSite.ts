/**
 * The search-index step of a build: the index of a rendered site, by the
 * shard plan its pages step left in it. Nothing but the site is read, and
 * nothing of the pages step is imported, so that a process running this
 * step alone starts quickly (`buildStepProcess.ts`).
 */
import { indexArticles, readPlan, type IndexOptions, type SearchIndexResult } from "./indexArticles.ts";

/** `previousSiteDir`: the site this build replaces, whose unchanged shards are linked from it. */
export type IndexSiteOptions = Pick<IndexOptions, "previousSiteDir" | "linkedPages" | "besideUntil" | "onProgress">;

export async function indexSite(siteDir: string, options: IndexSiteOptions = {}): Promise<SearchIndexResult> {
  return indexArticles(siteDir, await readPlan(siteDir), options);
}
