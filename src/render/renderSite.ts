/**
 * Archive → HTML pages, by Eleventy (configured in `.eleventy.ts`, templates
 * in `layouts/`). The archive reaches templates as the global `archive`.
 */
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import type { Archive } from "../archive/archive.ts";
import type { SiteSettings } from "../site/siteSettings.ts";
import { PROJECT_ROOT } from "../projectRoot.ts";
import { planShards, type SearchShard } from "../search/shardPlan.ts";
import { checkPlannedUrls, checkWrittenPaths } from "./outputPaths.ts";
import { searchPageData } from "./searchPageData.ts";
import { join } from "node:path";

export interface RenderResult {
  /** Site-absolute URLs of the pages written, in Eleventy's order. */
  readonly pages: readonly string[];
}

export const ELEVENTY_CONFIG = join(PROJECT_ROOT, ".eleventy.ts");
export const TEMPLATES_DIR = join(PROJECT_ROOT, "layouts");

/** Search shards for an archive; the default plan when not given. */
export type ShardsFor = (archive: Archive) => readonly SearchShard[];

/**
 * Adds the archive, the settings and the search page's data to Eleventy's
 * data; shared by the build and the dev server.
 */
export function provideArchive(
  config: UserConfig,
  archive: Archive | (() => Promise<Archive>),
  settings: SiteSettings,
  shardsFor: ShardsFor = (loaded) => planShards(loaded.articles),
): void {
  const load = typeof archive === "function" ? archive : () => Promise.resolve(archive);
  config.addGlobalData("archive", load);
  config.addGlobalData("site", settings);
  config.addGlobalData("search", async () => {
    const loaded = await load();
    return searchPageData(loaded, shardsFor(loaded), settings);
  });
}

export async function renderSite(
  archive: Archive,
  settings: SiteSettings,
  outDir: string,
  shards: readonly SearchShard[],
): Promise<RenderResult> {
  checkPlannedUrls(archive);
  const eleventy = new Eleventy(TEMPLATES_DIR, outDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    pathPrefix: settings.pathPrefix,
    config: (config) => provideArchive(config, archive, settings, () => shards),
  });
  // Clippings prints its own diagnostics and summary; Eleventy's file-by-file log would bury them.
  eleventy.disableLogger();
  const [, templates] = await eleventy.write();
  checkWrittenPaths(
    outDir,
    templates.flatMap((result) => (typeof result.outputPath === "string" ? [result.outputPath] : [])),
  );
  const pages = templates.flatMap((result) => (typeof result.url === "string" ? [result.url] : []));
  return { pages };
}
