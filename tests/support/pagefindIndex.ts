/**
 * Reads what a built site's Pagefind indexes hold, straight from their files:
 * each page's fragment is gzipped JSON behind a `pagefind_dcd` signature,
 * in the `fragment/` folder of its shard (`pagefind/<shard>/`).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface IndexedPage {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  content: string;
}

const SIGNATURE = "pagefind_dcd";

export interface IndexedShard {
  id: string;
  pages: number;
}

/** The shards `pagefind/shards.json` lists, newest first. */
export async function readShards(siteDir: string): Promise<IndexedShard[]> {
  return (JSON.parse(await readFile(join(siteDir, "pagefind", "shards.json"), "utf8")) as { shards: IndexedShard[] }).shards;
}

export async function readIndexedPages(siteDir: string): Promise<IndexedPage[]> {
  const pages: IndexedPage[] = [];
  for (const shard of await readShards(siteDir)) {
    const folder = join(siteDir, "pagefind", shard.id, "fragment");
    for (const file of await readdir(folder)) {
      const text = gunzipSync(await readFile(join(folder, file))).toString("utf8");
      if (!text.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment`);
      pages.push(JSON.parse(text.slice(SIGNATURE.length)) as IndexedPage);
    }
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : 1));
}
