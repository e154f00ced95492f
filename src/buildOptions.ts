/**
 * What a build is asked to do, and the defaults of the command line. Kept
 * apart from the pipeline (`build.ts`), so that `npm run build`'s own
 * process, which only starts the build's steps, need not load Eleventy and
 * the rest: 2.8 s and 110 MB of resident memory, beside the pages step.
 */
import type { ProgressListener } from "./buildProgress.ts";
import type { NumericDateOrder } from "./ingest/ingestOptions.ts";
import type { SiteSettings } from "./site/siteSettings.ts";

export interface BuildOptions {
  /** Folder of article files. @default "seeds" */
  readonly seedsDir: string;
  /** Folder the site is written to; replaced on each build. @default "_site" */
  readonly outDir: string;
  /** Fail, writing nothing, when any file has an error or a warning. @default false */
  readonly strict?: boolean;
  /** How to read dates such as `03/04/2021`; unset, they are reported, not guessed. */
  readonly numericDates?: NumericDateOrder;
  /** How the site presents itself (clippings.json). @default DEFAULT_SETTINGS */
  readonly settings?: SiteSettings;
  /** Most article pages in one search index shard. @default DEFAULT_SHARD_PAGES */
  readonly shardPages?: number;
  /** Build the search index; without it, only its plan is written, for `npm run index`. @default true */
  readonly searchIndex?: boolean;
  /**
   * Folder of the cache of parsed articles and their entities, kept between
   * builds and keyed by each file's content and the parsing code; unset, no
   * cache. The command line uses `.cache`. @default undefined
   */
  readonly cacheDir?: string;
  /** Told where the build is, stage by stage, for a progress display. @default undefined */
  readonly onProgress?: ProgressListener;
}

export const DEFAULT_OPTIONS = { seedsDir: "seeds", outDir: "_site" } as const satisfies BuildOptions;
