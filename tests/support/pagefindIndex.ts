/**
 * Reads what a built Pagefind index holds, straight from its files: each
 * page's fragment is gzipped JSON behind a `pagefind_dcd` signature.
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

export async function readIndexedPages(siteDir: string): Promise<IndexedPage[]> {
  const folder = join(siteDir, "pagefind", "fragment");
  const pages: IndexedPage[] = [];
  for (const file of await readdir(folder)) {
    const text = gunzipSync(await readFile(join(folder, file))).toString("utf8");
    if (!text.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment`);
    pages.push(JSON.parse(text.slice(SIGNATURE.length)) as IndexedPage);
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : 1));
}
