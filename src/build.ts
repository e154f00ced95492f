/**
 * The whole pipeline, stage by stage:
 * seed files → `Article` records → archive → pages → search index.
 */
import { performance } from "node:perf_hooks";
import type { Archive } from "./archive/archive.ts";
import { buildArchive } from "./archive/buildArchive.ts";
import { startPairScoringHelper } from "./archive/pairScores.ts";
import type { Article } from "./article.ts";
import type { BuildOptions } from "./buildOptions.ts";
import type { Diagnostic } from "./diagnostics.ts";
import type { IngestOptions } from "./ingest/ingestOptions.ts";
import { ingestSeeds } from "./ingest/ingestSeeds.ts";
import { readSeedFiles, SeedsFolderError, type SeedFolder } from "./ingest/readSeedFiles.ts";
import { stageOutput } from "./outputFolder.ts";
import { prepareFolder, type PrepareOptions } from "./prepare/prepareFolder.ts";
import { termRecall } from "./prepare/termMemoryCache.ts";
import { renderSite, type RenderOptions } from "./render/renderSite.ts";
import { writePlan, type IndexedShard, type SearchIndexResult } from "./search/indexArticles.ts";
import { indexSite } from "./search/indexSite.ts";
import { DEFAULT_SHARD_PAGES, planShards } from "./search/shardPlan.ts";
import { DEFAULT_SETTINGS, todayIn } from "./site/siteSettings.ts";
import { StrictModeError, strictViolations } from "./strictMode.ts";

export interface IngestedFolder {
  /** In seed (path) order. */
  readonly articles: readonly Article[];
  /** Everything found, for every file: skipped files, rejected files and each article's own. */
  readonly diagnostics: readonly Diagnostic[];
  /** Article files found in the seeds folder, read or not. */
  readonly files: number;
}

export interface LoadedArchive extends IngestedFolder {
  readonly archive: Archive;
  /** Articles taken from the cache rather than parsed. */
  readonly cachedArticles: number;
  /** What each article's record was made from, when the cache knows it (`PreparedFolder.sourceKeys`). */
  readonly sourceKeys: ReadonlyMap<string, string>;
}

/** What the pages step leaves in the staged site, for the index step and the report. */
export interface PagesReport extends LoadedArchive {
  readonly pages: readonly string[];
  /** URLs of the pages linked unchanged from the previous site rather than rendered: the index step need not read those it indexed before. */
  readonly linkedPages: readonly string[];
}

export interface BuildReport extends PagesReport {
  readonly indexedPages: number;
  readonly searchShards: readonly IndexedShard[];
  /** Shards whose index was copied unchanged from the previous build. */
  readonly reusedShards: readonly string[];
  readonly seconds: number;
}

/** The ingest settings a build uses: today's date in the site's time zone. */
export function ingestOptionsFor(options: Pick<BuildOptions, "numericDates" | "settings">): IngestOptions {
  const today = todayIn(options.settings ?? DEFAULT_SETTINGS);
  return options.numericDates === undefined ? { today } : { today, numericDates: options.numericDates };
}

/** A folder's records with every diagnostic, for every file; throws when no file became an article. */
function ingested(seedsDir: string, folder: SeedFolder, articles: readonly Article[], rejected: readonly Diagnostic[]): IngestedFolder {
  if (articles.length === 0) {
    throw new SeedsFolderError(
      `none of the ${folder.seeds.length} article files in "${seedsDir}" could be read:\n  ${rejected.map((d) => `${d.file}: ${d.message}`).join("\n  ")}`,
    );
  }
  const files = folder.seeds.length + folder.diagnostics.filter((d) => d.level === "error").length;
  const diagnostics = [...folder.diagnostics, ...rejected, ...articles.flatMap((article) => article.diagnostics)];
  return { articles, diagnostics, files };
}

/** Reads and parses a seeds folder into records; what `check` needs. */
export async function ingestFolder(seedsDir: string, options: IngestOptions): Promise<IngestedFolder> {
  const folder = await readSeedFiles(seedsDir);
  const { articles, rejected } = ingestSeeds(folder.seeds, options);
  return ingested(seedsDir, folder, articles, rejected);
}

/**
 * Articles from which related pairs are scored on two threads: below it,
 * the helper thread's start (some 0.3 s, on another core) buys little.
 */
const PAIR_SCORING_HELPER_FROM = 2_000;

/**
 * The folder's articles, and what was found in them, without the files'
 * bytes: the archive stage would hold them for nothing (494 MB at 100,000
 * articles) if the prepared folder stayed in its scope.
 */
async function prepareArticles(seedsDir: string, options: IngestOptions, load: PrepareOptions) {
  const { folder, ...prepared } = await prepareFolder(seedsDir, options, load);
  return { prepared, folder: ingested(seedsDir, folder, prepared.articles, prepared.rejected) };
}

/**
 * Reads and parses a seeds folder into an archive; shared by the build and
 * the dev server. Articles are parsed and read for entities in worker
 * threads, and taken from the cache when `cacheDir` holds them.
 */
export async function loadArchive(seedsDir: string, options: IngestOptions, load: PrepareOptions = {}): Promise<LoadedArchive> {
  const { prepared, folder } = await prepareArticles(seedsDir, options, load);
  load.onProgress?.({ stage: "archive", done: 0, total: folder.articles.length });
  // Started first, it loads on another core while this thread reads the articles' terms.
  const pairScoring = folder.articles.length >= PAIR_SCORING_HELPER_FROM ? startPairScoringHelper() : undefined;
  let archive: Archive;
  try {
    // The articles' terms for related coverage, remembered between builds beside the article cache.
    const terms = load.cacheDir === undefined ? undefined : await termRecall(load.cacheDir, prepared.sourceKeys);
    archive = buildArchive(folder.articles, {
      today: options.today,
      findings: prepared.findings,
      ...(terms && { terms }),
      ...(pairScoring && { pairScoring }),
    });
    await terms?.save();
  } finally {
    await pairScoring?.close();
  }
  return { ...folder, archive, cachedArticles: prepared.cached, sourceKeys: prepared.sourceKeys };
}

/**
 * The first step of a build: seed files to pages, written into `siteDir`
 * with the search index's shard plan (`plan.json`) beside them. Throws,
 * writing nothing, on a strict build with diagnostics. The listeners are
 * told how many pages are to be rendered, and when the shard plan and the
 * article pages are in place (`RenderOptions`).
 */
export async function buildPages(
  options: BuildOptions,
  siteDir: string,
  listeners: Pick<RenderOptions, "onRenderPlan" | "onRecordPages"> = {},
): Promise<PagesReport> {
  const loaded = await loadArchive(options.seedsDir, ingestOptionsFor(options), options);
  if (options.strict) {
    const violations = strictViolations(loaded.diagnostics);
    if (violations.length > 0) throw new StrictModeError(violations);
  }
  // Eleventy does not report page by page: the display shows the stage's time, not a count stuck at 0.
  options.onProgress?.({ stage: "pages", done: 0, total: 0 });
  const shards = planShards(loaded.archive.articles, options.shardPages ?? DEFAULT_SHARD_PAGES);
  await writePlan(siteDir, shards);
  // The site being replaced still holds the last build's pages: unchanged ones are linked from it.
  const rendered = await renderSite(loaded.archive, options.settings ?? DEFAULT_SETTINGS, siteDir, shards, {
    previousSiteDir: options.outDir,
    sourceKeys: loaded.sourceKeys,
    ...listeners,
  });
  return { ...loaded, pages: rendered.pages, linkedPages: rendered.linked };
}

/** Both steps in this process, then the staged site swapped in. */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const staging = await stageOutput(options.outDir);
  try {
    const pages = await buildPages(options, staging.dir);
    const index: SearchIndexResult =
      options.searchIndex === false
        ? { indexedPages: 0, shards: [], reused: [] }
        : await indexSite(staging.dir, {
            previousSiteDir: options.outDir,
            linkedPages: pages.linkedPages,
            ...(options.onProgress && { onProgress: options.onProgress }),
          });
    await staging.commit();
    return {
      ...pages,
      indexedPages: index.indexedPages,
      searchShards: index.shards,
      reusedShards: index.reused,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}
