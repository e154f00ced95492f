/**
 * The whole pipeline, stage by stage:
 * seed files → `Article` records → archive → pages → search index.
 */
import { performance } from "node:perf_hooks";
import type { Archive } from "./archive/archive.ts";
import { buildArchive } from "./archive/buildArchive.ts";
import type { Article } from "./article.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { defaultIngestOptions, type IngestOptions } from "./ingest/ingestOptions.ts";
import { ingestSeeds } from "./ingest/ingestSeeds.ts";
import { readSeedFiles, SeedsFolderError } from "./ingest/readSeedFiles.ts";
import { prepareOutputFolder } from "./outputFolder.ts";
import { renderSite } from "./render/renderSite.ts";
import { indexArticles } from "./search/indexArticles.ts";
import { StrictModeError, strictViolations } from "./strictMode.ts";

export interface BuildOptions {
  /** Folder of article files. @default "seeds" */
  readonly seedsDir: string;
  /** Folder the site is written to; replaced on each build. @default "_site" */
  readonly outDir: string;
  /** Fail, writing nothing, when any file has an error or a warning. @default false */
  readonly strict?: boolean;
  /** How articles are read. @default defaultIngestOptions() */
  readonly ingest?: IngestOptions;
}

export const DEFAULT_OPTIONS = { seedsDir: "seeds", outDir: "_site" } as const satisfies BuildOptions;

export interface LoadedArchive {
  readonly archive: Archive;
  /** In seed (path) order. */
  readonly articles: readonly Article[];
  /** Everything found, for every file: skipped files, rejected files and each article's own. */
  readonly diagnostics: readonly Diagnostic[];
  /** Article files found in the seeds folder, read or not. */
  readonly files: number;
}

export interface BuildReport extends LoadedArchive {
  readonly pages: readonly string[];
  readonly indexedPages: number;
  readonly seconds: number;
}

/** Reads and parses a seeds folder into an archive; shared by build, check and the dev server. */
export async function loadArchive(seedsDir: string, options: IngestOptions = defaultIngestOptions()): Promise<LoadedArchive> {
  const folder = await readSeedFiles(seedsDir);
  const { articles, rejected } = ingestSeeds(folder.seeds, options);
  if (articles.length === 0) {
    throw new SeedsFolderError(`none of the ${folder.seeds.length} article files in "${seedsDir}" could be read:\n  ${rejected.map((d) => `${d.file}: ${d.message}`).join("\n  ")}`);
  }
  const files = folder.seeds.length + folder.diagnostics.filter((d) => d.level === "error").length;
  const diagnostics = [...folder.diagnostics, ...rejected, ...articles.flatMap((article) => article.diagnostics)];
  return { archive: buildArchive(articles), articles, diagnostics, files };
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const loaded = await loadArchive(options.seedsDir, options.ingest);
  if (options.strict) {
    const violations = strictViolations(loaded.diagnostics);
    if (violations.length > 0) throw new StrictModeError(violations);
  }

  await prepareOutputFolder(options.outDir);
  const { pages } = await renderSite(loaded.archive, options.outDir);
  const { indexedPages } = await indexArticles(options.outDir);

  return { ...loaded, pages, indexedPages, seconds: (performance.now() - started) / 1000 };
}
