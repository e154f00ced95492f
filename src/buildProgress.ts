/**
 * What a build reports as it goes (`BuildOptions.onProgress`), for a
 * progress display such as `src/cli/progressDisplay.ts`.
 */

/**
 * - `parse`: reading, parsing and finding the entities of each article
 *   (cached articles count at once);
 * - `archive`: sorting, grouping, linking and the entity index;
 * - `pages`: the pages, by Eleventy;
 * - `index`: the search index, by Pagefind (counts article pages).
 */
export type BuildStage = "parse" | "archive" | "pages" | "index";

export interface BuildProgress {
  readonly stage: BuildStage;
  /** Articles (or their pages) this stage has done so far. */
  readonly done: number;
  /** Articles this stage works through; 0 when it does not count them. */
  readonly total: number;
}

/** Receives every step; must return quickly, since the build waits for it. */
export type ProgressListener = (progress: BuildProgress) => void;
