/**
 * Built article pages → one Pagefind index per search shard (see
 * shardPlan.ts), through Pagefind's Node API.
 *
 * Only article pages are indexed: home, timeline and search pages would
 * otherwise show up as results for every word they list. Each article page
 * marks its own title, date and dateline (`data-pagefind-meta`) and sort key
 * (`data-pagefind-sort="date[datetime]"`); its filters come from the shard
 * plan and are added to the HTML Pagefind reads (`pageFilters.ts`), never
 * written into the page.
 *
 * Layout of `pagefind/` in the site:
 *   pagefind.js, pagefind-highlight.js   the library, once
 *   <shard id>/           one index each: pagefind-entry.json, meta, chunks,
 *                         fragments and the WebAssembly the library loads
 *   shards.json           the shards with their pages and content hashes
 *   plan.json             which article pages go into which shard
 *
 * A shard whose indexed content is unchanged since the previous build (same
 * hash in the previous site's `shards.json`) is copied from it, not indexed
 * again: editing one article re-indexes one shard. A page linked from the
 * previous build unchanged is not even read: the hash of its indexed part
 * is the one the previous build recorded (`INDEXED_PAGES_FILE`); its
 * filters come from the plan.
 *
 * Shards can also be indexed apart, on several machines: each indexes its
 * own (`only`) from the rendered site, and `assembleIndex` then checks that
 * every shard of the plan is in place and writes `shards.json`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import * as pagefind from "pagefind";
import type { ProgressListener } from "../buildProgress.ts";
import { startFileLinker, type FileLink } from "../fileLinker.ts";
import { heapGuard } from "../heapGrowth.ts";
import { indexedPage, indexedPart } from "./indexedPage.ts";
import { filterMarkup } from "./pageFilters.ts";
import type { SearchShard } from "./shardPlan.ts";

/** Where the indexes go, inside the site. */
export const PAGEFIND_DIR = "pagefind";
/** The shard list, inside PAGEFIND_DIR. */
export const SHARDS_FILE = "shards.json";
/** The shard plan, inside PAGEFIND_DIR. */
export const PLAN_FILE = "plan.json";
/** Each indexed page's hash, in the site beside its page fingerprints, for the next build. */
export const INDEXED_PAGES_FILE = ".clippings-indexed.json";

interface IndexedPagesFile {
  readonly format: string;
  /** Page URL → hash of its indexed part (`indexedPart`), which its file alone decides. */
  readonly pages: Record<string, string>;
}
/** Library files every shard carries; kept once at the top of PAGEFIND_DIR. */
const LIBRARY_FILES = ["pagefind.js", "pagefind-highlight.js"];
/** Pagefind's ready-made interfaces: the search page has its own, so they are left out. */
const UNUSED_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
];
/** Shards indexed at once by the Pagefind service. */
const SHARDS_AT_ONCE = 2;
/** Bumped when what goes into an index changes other than through the pages and their filters (Pagefind's version, options). */
const INDEX_FORMAT = "pagefind-1.6.0/en/4";

/** Pagefind reported errors; each names the file or step it failed on. */
export class SearchIndexError extends Error {
  override readonly name = "SearchIndexError";
  constructor(
    step: string,
    readonly errors: readonly string[],
  ) {
    super(`Pagefind could not ${step}:\n  ${errors.join("\n  ")}`);
  }
}

/** What `shards.json` records of each shard. */
export interface IndexedShard {
  readonly id: string;
  readonly span: SearchShard["span"];
  readonly pages: number;
  /** Hash of everything the index is made from. */
  readonly hash: string;
}

export interface SearchIndexResult {
  readonly indexedPages: number;
  readonly shards: readonly IndexedShard[];
  /** Ids of the shards copied unchanged from the previous build. */
  readonly reused: readonly string[];
}

export interface IndexOptions {
  /** A previous build of the same site, whose unchanged shards are reused. */
  readonly previousSiteDir?: string;
  /**
   * Pages of the site that are the previous site's own files, linked from
   * it unchanged (`RenderResult.linked`): those it indexed are not read, the
   * hash of their indexed part is the one it recorded.
   */
  readonly linkedPages?: readonly string[];
  /**
   * Settles when the process beside this one (a build's pages step) is done:
   * until then, one shard is indexed at a time, so that both fit in memory.
   */
  readonly besideUntil?: Promise<unknown>;
  /** Index only these shards, and leave the shard list to `assembleIndex`. */
  readonly only?: readonly string[];
  /** Told the article pages done: none at the start, then after each shard. */
  readonly onProgress?: ProgressListener;
}

/** Writes the shard plan into the site, for shards indexed apart. */
export async function writePlan(siteDir: string, shards: readonly SearchShard[]): Promise<void> {
  await mkdir(join(siteDir, PAGEFIND_DIR), { recursive: true });
  await writeFile(join(siteDir, PAGEFIND_DIR, PLAN_FILE), `${JSON.stringify({ shards })}\n`);
}

export async function readPlan(siteDir: string): Promise<SearchShard[]> {
  const file = join(siteDir, PAGEFIND_DIR, PLAN_FILE);
  try {
    return (JSON.parse(await readFile(file, "utf8")) as { shards: SearchShard[] }).shards;
  } catch (error) {
    throw new SearchIndexError("read the shard plan", [`${file}: ${(error as Error).message} (build the site first)`]);
  }
}

const pageFile = (siteDir: string, url: string) => join(siteDir, ...url.split("/").filter(Boolean), "index.html");

/** An article page as Pagefind reads it (`indexedPage`). */
interface ShardPage {
  readonly url: string;
  readonly document: string;
}

/** A page's document for Pagefind (`indexedPage`) and the hash of its indexed part, from its file. */
function readPage(siteDir: string, shard: SearchShard, url: string): { readonly document: string; readonly hash: string } {
  // Synchronous: 20,000 pages read in 2.5 s, against 7.9 s one awaited read at a time.
  const html = readFileSync(pageFile(siteDir, url), "utf8");
  return {
    document: indexedPage(html, filterMarkup(shard.filters[url] ?? [])),
    hash: createHash("sha1").update(indexedPart(html)).digest("base64"),
  };
}

function readShardPages(siteDir: string, shard: SearchShard): ShardPage[] {
  return shard.urls.map((url) => ({ url, document: readPage(siteDir, shard, url).document }));
}

/** Every file of the previous build's shard folder, to link into the new site (`FileLinker`). */
function shardFiles(from: string, to: string): FileLink[] {
  return readdirSync(from, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const source = join(entry.parentPath, entry.name);
      return [source, join(to, relative(from, source))] as const;
    });
}

/**
 * A shard's hash, over its pages' URLs, the hashes of their indexed parts
 * and their filters; each page's hash; and the documents read for them: a
 * page whose hash is `known` is not read. Links around a page's indexed
 * part, such as the neighbours or related coverage, change when other
 * articles do and do not touch the index.
 */
function hashShard(siteDir: string, shard: SearchShard, known: (url: string) => string | undefined) {
  const hash = createHash("sha256").update(INDEX_FORMAT);
  const documents = new Map<string, string>();
  const pageHashes: string[] = [];
  for (const url of shard.urls) {
    let pageHash = known(url);
    if (pageHash === undefined) {
      const page = readPage(siteDir, shard, url);
      documents.set(url, page.document);
      pageHash = page.hash;
    }
    pageHashes.push(pageHash);
    hash.update(`\0${url}\0${pageHash}\0${(shard.filters[url] ?? []).join("\n")}`);
  }
  return { hash: hash.digest("hex"), documents, pageHashes };
}

/**
 * The previous build's hash of each page's indexed part, for the pages
 * linked from it (`IndexOptions.linkedPages`): the same files. Rebuilding
 * 20,000 articles after one edit spent 3.9 s reading pages to hash them.
 */
async function previousPageHashes(previousSiteDir: string, linked: readonly string[]): Promise<(url: string) => string | undefined> {
  let recorded: IndexedPagesFile;
  try {
    recorded = JSON.parse(await readFile(join(previousSiteDir, INDEXED_PAGES_FILE), "utf8")) as IndexedPagesFile;
  } catch {
    return () => undefined;
  }
  if (recorded.format !== INDEX_FORMAT) return () => undefined;
  const same = new Set(linked);
  return (url) => (same.has(url) ? recorded.pages[url] : undefined);
}

async function previousShards(previousSiteDir: string | undefined): Promise<Map<string, IndexedShard>> {
  if (previousSiteDir === undefined) return new Map();
  try {
    const listed = JSON.parse(await readFile(join(previousSiteDir, PAGEFIND_DIR, SHARDS_FILE), "utf8")) as {
      format: string;
      shards: IndexedShard[];
    };
    // Indexes of another Pagefind or other options are never reused, even for the same pages.
    if (listed.format !== INDEX_FORMAT) return new Map();
    return new Map(listed.shards.map((shard) => [shard.id, shard]));
  } catch {
    // No previous build, or not one of ours: index everything.
    return new Map();
  }
}

async function indexShard(pages: readonly ShardPage[], outputPath: string): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: "en" });
  if (created.errors.length > 0 || created.index === undefined) throw new SearchIndexError("start an index", created.errors);
  const { index } = created;
  // The pages as Pagefind should read them (with their filters), in a folder
  // of their own that Pagefind reads itself: handed over one by one through
  // the Node API, 20,000 pages took twice as long (117 s against 58 s).
  const folder = await mkdtemp(join(tmpdir(), "clippings-shard-"));
  try {
    // Synchronous, as the reads: 1,000 pages written in 55–70 ms, against 170–350 ms one awaited write at a time.
    for (const page of pages) {
      const file = pageFile(folder, page.url);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page.document);
    }
    const added = await index.addDirectory({ path: folder });
    if (added.errors.length > 0) throw new SearchIndexError(`index the pages of ${outputPath}`, added.errors);
    if (added.page_count !== pages.length)
      throw new SearchIndexError(`index the pages of ${outputPath}`, [`${added.page_count} of ${pages.length} pages indexed`]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new SearchIndexError(`write the index to ${outputPath}`, written.errors);
  await index.deleteIndex();
  await Promise.all(UNUSED_FILES.map((name) => rm(join(outputPath, name), { force: true })));
}

/**
 * Indexes the shards of `shards` from the article pages in `siteDir`. The
 * plan is the site's own (`writePlan`, as the pages step leaves it): the
 * next build reads it from here to know which shards it may keep.
 */
export async function indexArticles(
  siteDir: string,
  shards: readonly SearchShard[],
  options: IndexOptions = {},
): Promise<SearchIndexResult> {
  const root = join(siteDir, PAGEFIND_DIR);
  const unknown = (options.only ?? []).filter((id) => !shards.some((shard) => shard.id === id));
  if (unknown.length > 0)
    throw new SearchIndexError(
      "find the shards asked for",
      unknown.map((id) => `no shard "${id}" in the plan`),
    );
  const chosen = options.only === undefined ? shards : shards.filter((shard) => options.only?.includes(shard.id));
  const total = chosen.reduce((sum, shard) => sum + shard.urls.length, 0);
  options.onProgress?.({ stage: "index", done: 0, total });
  const previous = await previousShards(options.previousSiteDir);
  // The dev server rebuilds in place: there, an unchanged shard is already where it belongs.
  const inPlace = options.previousSiteDir !== undefined && resolve(options.previousSiteDir) === resolve(siteDir);
  const indexed: IndexedShard[] = [];
  const reused: string[] = [];
  const knownPage =
    options.previousSiteDir === undefined || inPlace || options.linkedPages === undefined
      ? () => undefined
      : await previousPageHashes(options.previousSiteDir, options.linkedPages);
  /** Each indexed page's hash, for the next build. */
  const pageHashes: Record<string, string> = {};
  const one = async (shard: SearchShard): Promise<IndexedShard & { reused: boolean }> => {
    const outputPath = join(root, shard.id);
    const previousPath = options.previousSiteDir === undefined ? null : join(options.previousSiteDir, PAGEFIND_DIR, shard.id);
    const before = previous.get(shard.id);
    const indexedBefore = before !== undefined && previousPath !== null && existsSync(join(previousPath, "pagefind-entry.json"));
    // Linked by a thread of its own (`FileLinker`) while Pagefind indexes the others.
    const linkPrevious = () => {
      const files = shardFiles(previousPath ?? "", outputPath);
      for (const [, target] of files) linkedShard.set(target, shard);
      linker.link(files);
    };
    const { hash, documents, pageHashes: hashes } = hashShard(siteDir, shard, knownPage);
    shard.urls.forEach((url, at) => (pageHashes[url] = hashes[at] ?? ""));
    const unchanged = indexedBefore && before.hash === hash;
    if (unchanged) {
      if (!inPlace) linkPrevious();
    } else {
      await rm(outputPath, { recursive: true, force: true });
      const pages = shard.urls.map((url) => ({ url, document: documents.get(url) ?? readPage(siteDir, shard, url).document }));
      await indexShard(pages, outputPath);
    }
    return { id: shard.id, span: shard.span, pages: shard.urls.length, hash, reused: unchanged };
  };
  const linker = startFileLinker();
  /** Each linked file's shard, by its path in the new site. */
  const linkedShard = new Map<string, SearchShard>();
  try {
    // Two shards at once keep both cores busy (20,000 articles: 80 s, against
    // 98 s one after another); memory stays bounded by the two largest. Each
    // indexer takes the next shard as soon as it is free: shards differ in size.
    const heap = heapGuard();
    const results: Array<Awaited<ReturnType<typeof one>>> = [];
    // Shards with pages to read first: those are the ones likely changed,
    // whose indexing takes long; the others, mostly linked as they were,
    // are then linked while Pagefind works.
    const unread = chosen.map((shard) => shard.urls.some((url) => knownPage(url) === undefined));
    const order = [...chosen.keys()].sort((a, b) => Number(unread[b]) - Number(unread[a]));
    let next = 0;
    let done = 0;
    const indexer = async () => {
      for (let at = order[next++]; at !== undefined; at = order[next++]) {
        const result = await one(chosen[at] as SearchShard);
        results[at] = result;
        // The shard's pages were read here; the other indexers need the room.
        heap.check();
        done += result.pages;
        options.onProgress?.({ stage: "index", done, total });
      }
    };
    const indexers = Array.from({ length: Math.min(SHARDS_AT_ONCE, chosen.length) }, (_, at) =>
      at === 0 || options.besideUntil === undefined ? indexer() : options.besideUntil.then(indexer),
    );
    await Promise.all(indexers);
    // A shard whose files could not all be linked (gone from the previous site) is indexed afresh.
    const broken = new Set((await linker.finish()).flatMap((target) => linkedShard.get(target) ?? []));
    for (const shard of broken) {
      const at = chosen.indexOf(shard);
      const outputPath = join(root, shard.id);
      await rm(outputPath, { recursive: true, force: true });
      await indexShard(readShardPages(siteDir, shard), outputPath);
      results[at] = { ...(results[at] as IndexedShard), reused: false };
    }
    for (const { reused: copied, ...shard } of results) {
      indexed.push(shard);
      if (copied) reused.push(shard.id);
    }
  } finally {
    // The Node API runs the Pagefind binary as a service; left open, it keeps the process alive.
    await pagefind.close();
  }
  if (options.only === undefined) {
    const wanted = new Set(shards.map((shard) => shard.id));
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (entry.isDirectory() && !wanted.has(entry.name)) await rm(join(root, entry.name), { recursive: true, force: true });
    }
    await writeShardList(root, indexed);
    await writeIndexedPages(siteDir, pageHashes);
  }
  return { indexedPages: indexed.reduce((sum, shard) => sum + shard.pages, 0), shards: indexed, reused };
}

async function writeIndexedPages(siteDir: string, pages: Record<string, string>): Promise<void> {
  await writeFile(join(siteDir, INDEXED_PAGES_FILE), JSON.stringify({ format: INDEX_FORMAT, pages } satisfies IndexedPagesFile));
}

/** The library once at the top of `pagefind/`, and the shard list the search page's tools read. */
async function writeShardList(root: string, shards: readonly IndexedShard[]): Promise<void> {
  const first = shards[0];
  if (first !== undefined) for (const name of LIBRARY_FILES) await copyFile(join(root, first.id, name), join(root, name));
  await writeFile(join(root, SHARDS_FILE), `${JSON.stringify({ format: INDEX_FORMAT, shards }, null, 2)}\n`);
}

/**
 * Completes a site whose shards were indexed apart (`only`) and copied into
 * its `pagefind/`: checks every shard of the plan is there and lists them.
 */
export async function assembleIndex(siteDir: string): Promise<SearchIndexResult> {
  const root = join(siteDir, PAGEFIND_DIR);
  const shards = await readPlan(siteDir);
  const missing = shards.filter((shard) => !existsSync(join(root, shard.id, "pagefind-entry.json"))).map((shard) => shard.id);
  if (missing.length > 0)
    throw new SearchIndexError(
      "assemble the index",
      missing.map((id) => `shard "${id}" is missing from ${root}`),
    );
  const indexed: IndexedShard[] = [];
  const pageHashes: Record<string, string> = {};
  for (const shard of shards) {
    const { hash, pageHashes: hashes } = hashShard(siteDir, shard, () => undefined);
    shard.urls.forEach((url, at) => (pageHashes[url] = hashes[at] ?? ""));
    indexed.push({ id: shard.id, span: shard.span, pages: shard.urls.length, hash });
  }
  await writeShardList(root, indexed);
  await writeIndexedPages(siteDir, pageHashes);
  return { indexedPages: indexed.reduce((sum, shard) => sum + shard.pages, 0), shards: indexed, reused: [] };
}
