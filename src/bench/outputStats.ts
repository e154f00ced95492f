/**
 * What a built site weighs: on disk, and in what a reader's browser fetches
 * for a first search.
 *
 * First-query estimate (`firstQueryBytes`), for one word common enough to
 * be in the biggest index chunk:
 * - `pagefind.js`, `pagefind-worker.js` (Pagefind 1.6 searches in a worker)
 *   and `pagefind-entry.json`, gzip-compressed as a static host serves them;
 * - the WebAssembly of the index's language (`wasm.<lang>.pagefind`), the
 *   language's `*.pf_meta`, every `filter/*.pf_filter` (Pagefind's ready-made
 *   interfaces load the filters to show them) and the largest
 *   `index/*.pf_index` chunk, as they are: Pagefind writes them
 *   gzip-compressed already.
 * Not included, and reported apart: the fragments of the first five results
 * (five times the median `fragment/*.pf_fragment`). This is the same
 * estimate for both builds; what Clippings' own search page downloads is
 * measured in a browser by `npm run bench:search`.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface FolderSize {
  readonly bytes: number;
  readonly files: number;
}

/** Apparent size of every file under `dir`, and how many there are. */
export async function folderSize(dir: string): Promise<FolderSize> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

export interface FirstQuery {
  /** Bytes over the wire for the engine, its index metadata, filters and one index chunk. */
  readonly bytes: number;
  readonly parts: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
  /** Five result fragments of median size. */
  readonly fragmentBytes: number;
  /** Number of `index/*.pf_index` chunks, and the largest. */
  readonly indexChunks: number;
  readonly largestChunkBytes: number;
}

const isGzip = (data: Buffer): boolean => data[0] === 0x1f && data[1] === 0x8b;

/** Size over the wire: files Pagefind already compressed as they are, the rest gzipped. */
async function wireBytes(path: string): Promise<number> {
  const data = await readFile(path);
  return isGzip(data) ? data.length : gzipSync(data).length;
}

async function filesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

async function sizesIn(dir: string, suffix: string): Promise<Array<{ file: string; bytes: number }>> {
  const names = (await filesIn(dir)).filter((name) => name.endsWith(suffix));
  return Promise.all(names.map(async (name) => ({ file: join(dir, name), bytes: (await stat(join(dir, name))).size })));
}

/** The first-query estimate described above, for the `pagefind/` folder of a site. */
export async function firstQueryBytes(pagefindDir: string): Promise<FirstQuery> {
  const entry = JSON.parse(await readFile(join(pagefindDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  };
  // The language with the most pages is the one a reader of this archive searches.
  const [language] = Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count);
  if (language === undefined) throw new Error(`${pagefindDir}/pagefind-entry.json lists no language`);

  const parts: Array<{ file: string; bytes: number }> = [];
  const add = async (name: string) => parts.push({ file: name, bytes: await wireBytes(join(pagefindDir, name)) });
  await add("pagefind-entry.json");
  await add("pagefind.js");
  if ((await filesIn(pagefindDir)).includes("pagefind-worker.js")) await add("pagefind-worker.js");
  await add(`wasm.${language.wasm ?? "unknown"}.pagefind`);
  await add(`pagefind.${language.hash}.pf_meta`);
  for (const filter of await sizesIn(join(pagefindDir, "filter"), ".pf_filter")) {
    parts.push({ file: `filter/${filter.file.split("/").pop()}`, bytes: filter.bytes });
  }
  const chunks = await sizesIn(join(pagefindDir, "index"), ".pf_index");
  const largest = chunks.reduce((max, chunk) => (chunk.bytes > max.bytes ? chunk : max), { file: "", bytes: 0 });
  if (largest.bytes > 0) parts.push({ file: `index/${largest.file.split("/").pop()} (largest of ${chunks.length})`, bytes: largest.bytes });

  const fragments = (await sizesIn(join(pagefindDir, "fragment"), ".pf_fragment")).map((f) => f.bytes).sort((a, b) => a - b);
  const median = fragments[Math.floor(fragments.length / 2)] ?? 0;
  return {
    bytes: parts.reduce((sum, part) => sum + part.bytes, 0),
    parts,
    fragmentBytes: 5 * median,
    indexChunks: chunks.length,
    largestChunkBytes: largest.bytes,
  };
}
