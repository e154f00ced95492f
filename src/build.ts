/**
 * The whole pipeline, stage by stage:
 * seed files → `Article` records → archive → pages → search index.
 */
import { performance } from "node:perf_hooks";
import type { Archive } from "./archive/archive.ts";
import { buildArchive } from "./archive/buildArchive.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { parseSeeds } from "./ingest/parseSeeds.ts";
import { readSeedFiles } from "./ingest/readSeedFiles.ts";
import { prepareOutputFolder } from "./outputFolder.ts";
import { renderSite } from "./render/renderSite.ts";
import { indexArticles } from "./search/indexArticles.ts";

export interface BuildOptions {
  /** Folder of article files. @default "seeds" */
  readonly seedsDir: string;
  /** Folder the site is written to; replaced on each build. @default "_site" */
  readonly outDir: string;
  /** Called with each diagnostic as soon as ingest finds it. */
  readonly onDiagnostic?: (diagnostic: Diagnostic) => void;
}

export const DEFAULT_OPTIONS = { seedsDir: "seeds", outDir: "_site" } as const satisfies BuildOptions;

export interface BuildReport {
  readonly archive: Archive;
  readonly diagnostics: readonly Diagnostic[];
  /** Files present in the seeds folder but not read as articles. */
  readonly skippedFiles: readonly string[];
  readonly pages: readonly string[];
  readonly indexedPages: number;
  readonly seconds: number;
}

/** Loads and parses a seeds folder into an archive; shared by the build and the dev server. */
export async function loadArchive(seedsDir: string): Promise<{ archive: Archive; diagnostics: Diagnostic[]; skippedFiles: string[] }> {
  const { seeds, skipped } = await readSeedFiles(seedsDir);
  const articles = parseSeeds(seeds);
  const diagnostics = articles.flatMap((article) => article.diagnostics);
  return { archive: buildArchive(articles), diagnostics, skippedFiles: skipped };
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { archive, diagnostics, skippedFiles } = await loadArchive(options.seedsDir);
  diagnostics.forEach((diagnostic) => options.onDiagnostic?.(diagnostic));

  await prepareOutputFolder(options.outDir);
  const { pages } = await renderSite(archive, options.outDir);
  const { indexedPages } = await indexArticles(options.outDir);

  return {
    archive,
    diagnostics,
    skippedFiles,
    pages,
    indexedPages,
    seconds: (performance.now() - started) / 1000,
  };
}
