/**
 * The search-index step of a build: the index of a rendered site, by the
 * shard plan its pages step left in it. Nothing but the site is read, and
 * nothing of the pages step is imported, so that a process running this
 * step alone starts quickly (`buildStepProcess.ts`).
 */
import type { ProgressListener } from "../buildProgress.ts";
import { indexArticles, readPlan, type SearchIndexResult } from "./indexArticles.ts";

export interface IndexSiteOptions {
  /** The site this build replaces: its unchanged shards are linked from it. */
  readonly previousSiteDir?: string;
  readonly onProgress?: ProgressListener;
}

export async function indexSite(siteDir: string, options: IndexSiteOptions = {}): Promise<SearchIndexResult> {
  return indexArticles(siteDir, await readPlan(siteDir), options);
}
