/**
 * Archive → HTML pages, by Eleventy (configured in `.eleventy.ts`, templates
 * in `layouts/`). The archive reaches templates as the global `archive`.
 *
 * Eleventy keeps every page it renders in memory until its run ends (about
 * 110 KB a page at 20,000 articles), so the pages made from one record each
 * (articles, entities, periods: unchangedPages.ts) are rendered in batches,
 * one Eleventy run each, and the pages made from the whole archive in a last
 * run: memory is bounded by a batch, not by the archive. Those unchanged
 * since the previous build are linked from it instead of rendered.
 */
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Archive } from "../archive/archive.ts";
import { heapGuard } from "../heapGrowth.ts";
import { PROJECT_ROOT } from "../projectRoot.ts";
import { planShards, type SearchShard } from "../search/shardPlan.ts";
import type { SiteSettings } from "../site/siteSettings.ts";
import { checkPlannedUrls, checkWrittenPaths } from "./outputPaths.ts";
import { searchPageData } from "./searchPageData.ts";
import { PAGE_SETS, renderVersion, reuseUnchangedPages, writeFingerprints, type PlannedPage } from "./unchangedPages.ts";

export interface RenderResult {
  /** Site-absolute URLs of the pages written: those linked unchanged, then those rendered. */
  readonly pages: readonly string[];
  /** URLs of the pages linked unchanged from the previous site rather than rendered. */
  readonly linked: readonly string[];
}

export interface RenderOptions {
  /** The site this build replaces: its pages made from the same inputs are linked, not rendered. */
  readonly previousSiteDir?: string;
  /** Record pages per Eleventy run. @default PAGES_PER_RUN */
  readonly pagesPerRun?: number;
  /** What each article's record was made from, by id (`PreparedFolder.sourceKeys`): its page's fingerprint then need not hash its text. */
  readonly sourceKeys?: ReadonlyMap<string, string>;
  /** Told how many pages this build renders, once it knows which it can link instead (before it links or renders any). */
  readonly onRenderPlan?: (rendering: number) => void | Promise<void>;
  /**
   * Told, and awaited, once every page made from one record (every article
   * page among them) is in place, before the pages made from the whole
   * archive are rendered: the search index can start on the article pages.
   */
  readonly onRecordPages?: (pages: RecordPages) => void | Promise<void>;
}

/** The pages made from one record each, once all are in place. */
export interface RecordPages {
  /** Site-absolute URLs of those linked unchanged from the previous site. */
  readonly linked: readonly string[];
  /** How many were rendered. */
  readonly rendered: number;
}

/** Keeps a run's memory to a few hundred MB; Eleventy's start-up (under a second) is then little per page. */
export const PAGES_PER_RUN = 2_500;

export const ELEVENTY_CONFIG = join(PROJECT_ROOT, ".eleventy.ts");
export const TEMPLATES_DIR = join(PROJECT_ROOT, "layouts");

/** Search shards for an archive; the default plan when not given. */
export type ShardsFor = (archive: Archive) => readonly SearchShard[];

/** What one Eleventy run renders: these record pages, and either the whole-archive pages or none. */
interface RunScope {
  readonly pages: readonly PlannedPage[];
  readonly archivePages: boolean;
}

/**
 * Adds the archive, the settings and the search page's data to Eleventy's
 * data; shared by the build and the dev server. Record pages are rendered
 * from their set's global (`articlePages`, ...): the whole list unless
 * `scope` narrows it.
 */
export function provideArchive(
  config: UserConfig,
  archive: Archive | (() => Promise<Archive>),
  settings: SiteSettings,
  shardsFor: ShardsFor = (loaded) => planShards(loaded.articles),
  scope?: RunScope,
): void {
  const load = typeof archive === "function" ? archive : () => Promise.resolve(archive);
  config.addGlobalData("archive", load);
  config.addGlobalData("site", settings);
  config.addGlobalData("search", async () => searchPageData(shardsFor(await load()), settings));
  for (const set of PAGE_SETS) {
    config.addGlobalData(set.data, async () =>
      scope === undefined ? set.records(await load()) : scope.pages.filter((page) => page.set === set).map((page) => page.record),
    );
  }
  if (scope?.archivePages === false) {
    const templates = new Set(PAGE_SETS.map((set) => set.template));
    // Skipped before pagination: a skipped template costs nothing.
    config.addPreprocessor("recordPagesOnly", "njk", function (this: { inputPath: string }) {
      return templates.has(basename(this.inputPath)) ? undefined : false;
    });
  }
}

/** One Eleventy run over `scope`; the site-absolute URLs it wrote. */
async function runEleventy(archive: Archive, settings: SiteSettings, outDir: string, shards: readonly SearchShard[], scope: RunScope) {
  const eleventy = new Eleventy(TEMPLATES_DIR, outDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    pathPrefix: settings.pathPrefix,
    config: (config) => {
      provideArchive(config, archive, settings, () => shards, scope);
      // Eleventy makes this benchmark group before `quietMode` applies, so it would still print its timings.
      config.benchmarkManager.get("Configuration").setIsVerbose(false);
    },
  });
  // Clippings prints its own diagnostics and summary; Eleventy's file-by-file log would bury them.
  eleventy.disableLogger();
  const [, templates] = await eleventy.write();
  checkWrittenPaths(
    outDir,
    templates.flatMap((result) => (typeof result.outputPath === "string" ? [result.outputPath] : [])),
  );
  return templates.flatMap((result) => (typeof result.url === "string" ? [result.url] : []));
}

export async function renderSite(
  archive: Archive,
  settings: SiteSettings,
  outDir: string,
  shards: readonly SearchShard[],
  options: RenderOptions = {},
): Promise<RenderResult> {
  checkPlannedUrls(archive);
  const version = await renderVersion([pathToFileURL(ELEVENTY_CONFIG), new URL(import.meta.url)], TEMPLATES_DIR, settings);
  const plan = await reuseUnchangedPages(archive, version, outDir, options.previousSiteDir, options.sourceKeys);
  await options.onRenderPlan?.(plan.render.length);
  const perRun = Math.max(1, options.pagesPerRun ?? PAGES_PER_RUN);
  const rendered: string[] = [];
  // A batch's pages are garbage once its run ends (heapGrowth.ts). With
  // 20,000 articles the build process peaked at 2.8 GB with no collection,
  // and at 1.8 GB with this guard, for 8.5 s more (`npm run bench`).
  const heap = heapGuard();
  // The archive stage and the fingerprints leave their garbage behind, for
  // the first run's pages to pile on: a build that renders more than one
  // run's pages collects it first (20,000 articles, a first render of
  // cached articles: the pages step peaked at 1,278–1,283 MB against
  // 1,500–1,562, and reached the index no later).
  if (plan.render.length > perRun) heap.collect();
  const renderPages = async (planned: readonly PlannedPage[]) => {
    for (let start = 0; start < planned.length; start += perRun) {
      const batch = planned.slice(start, start + perRun);
      rendered.push(...(await runEleventy(archive, settings, outDir, shards, { pages: batch, archivePages: false })));
      heap.check();
    }
  };
  await renderPages(plan.render);
  const { reused, failed } = await plan.linked;
  await renderPages(failed);
  await options.onRecordPages?.({ linked: reused, rendered: rendered.length });
  rendered.push(...(await runEleventy(archive, settings, outDir, shards, { pages: [], archivePages: true })));
  await writeFingerprints(outDir, plan.fingerprints);
  return { pages: [...reused, ...rendered], linked: reused };
}
