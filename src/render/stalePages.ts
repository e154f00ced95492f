/**
 * Pages a rebuild in place left behind. The dev server renders into the
 * site it serves, and Eleventy writes pages without removing any: a deleted
 * article's page (or an entity or month it alone held) would stay, linked
 * from nowhere but still found by the search index's plan and by readers
 * who kept its address. After each full rebuild, every page (`index.html`)
 * that rebuild did not write is removed, with the folders it leaves empty.
 * The search index's own folder is not pages, and is left to the indexer.
 */
import { readdirSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { PAGEFIND_DIR } from "../search/indexArticles.ts";

/** Removes every page under `siteDir` not in `written` (paths of the files the rebuild wrote); returns those removed, relative to the site. */
export function removeStalePages(siteDir: string, written: readonly string[]): string[] {
  const root = resolve(siteDir);
  const kept = new Set(written.map((file) => resolve(file)));
  const removed: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== "index.html") continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(root, file);
    if (path.split(sep)[0] === PAGEFIND_DIR || kept.has(file)) continue;
    rmSync(file);
    removed.push(path.split(sep).join("/"));
    // The page's folders, up to the site, while nothing else is in them.
    for (let folder = dirname(file); folder !== root && readdirSync(folder).length === 0; folder = dirname(folder)) rmdirSync(folder);
  }
  return removed.sort();
}
