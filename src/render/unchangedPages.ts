/**
 * Pages a rebuild need not render again. Most of the site's pages are made
 * from one record each: an article page from its article (neighbours,
 * related articles and extras included), an entity, period or index page
 * from its page record. Such a page is made from that record, the archive's
 * "today", the site settings, and the templates and the code that renders
 * them; nothing else reaches it. Its fingerprint hashes all of these.
 *
 * Each build records the fingerprints of these pages in the site
 * (`.clippings-pages.json`, beside the site marker). The next build
 * hard-links every page whose fingerprint is unchanged from the site it
 * replaces, and renders only the others. Pages made from the whole archive
 * (home, timeline, feeds, sitemap, search page) are always rendered.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../article.ts";
import type { Archive, ArchivedArticle } from "../archive/archive.ts";
import { codeVersion } from "../prepare/codeVersion.ts";
import type { SiteSettings } from "../site/siteSettings.ts";
import { startFileLinker, type FileLink } from "../fileLinker.ts";

export const FINGERPRINTS_FILE = ".clippings-pages.json";

/** A template that paginates a list of records one page each, and the global data it paginates. */
export interface PageSet {
  /** The template's pagination `data`: the whole list in the dev server, a batch in a build. */
  readonly data: "articlePages" | "entityPages" | "periodPages" | "entityIndexPages";
  readonly template: string;
  readonly records: (archive: Archive) => ReadonlyArray<{ readonly url: string }>;
  /** A record as its page's fingerprint hashes it. */
  readonly hashed: (record: object, context: FingerprintContext) => string;
}

/** What a record's hash can stand on besides the record itself. */
export interface FingerprintContext {
  /** The fingerprints of the article pages, by their records: articles are fingerprinted first. */
  readonly known: ReadonlyMap<object, string>;
  /** What each article record was made from, by id (`PreparedFolder.sourceKeys`). */
  readonly sourceKeys: ReadonlyMap<string, string>;
}

/** What the archive adds to an article's own record, but its `extras` (`ArchivedArticle` beyond `Article`). */
type ArchiveAdded = Exclude<keyof ArchivedArticle, keyof Article | "extras">;

/**
 * An article page's record as hashed: all of it but its related articles'
 * `score`, which only orders the list (and the order is hashed), yet one
 * edited article shifts the scores of thousands of others in the fourth
 * decimal, which would render them all. When the cache knows what the
 * article's own record was made from, that key stands for the whole of it
 * (body, title, dates, figures, ...: the record is a function of the key),
 * and its `extras` are left out too: they are picked from its body,
 * entities, quotations and related articles (`articleExtras.ts`, whose code
 * is part of the render version), all hashed already. What the archive
 * adds (links, entities, quotations, facets) is hashed as it is; the type
 * below fails to compile if the archive adds a field this leaves out.
 * Serialised without a replacer, so V8 takes its fast path (20,000
 * articles: 2.3 s against 2.9–4.4 s, hashing included). With the key,
 * 101 MB of JSON to hash rather than 116 with the key standing for the
 * body alone: 0.9–1.2 s against 1.1–1.3 s.
 */
function articleHashed(record: object, { sourceKeys }: FingerprintContext): string {
  const article = record as ArchivedArticle;
  const related = article.related.map(({ score: _score, ...link }) => link);
  const source = sourceKeys.get(article.id);
  if (source === undefined) return JSON.stringify({ ...article, related });
  const { url, previous, next, entities, quotes, facets } = article;
  const hashed: Record<ArchiveAdded | "source", unknown> = { source, url, previous, next, related, entities, quotes, facets };
  return JSON.stringify(hashed);
}

/** `value` with every object `known` holds replaced by its string; other plain objects and arrays copied, the rest as it is. */
function withKnown(value: unknown, known: ReadonlyMap<object, string>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const print = known.get(value);
  if (print !== undefined) return print;
  if (Array.isArray(value)) return value.map((item) => withKnown(item, known));
  // Anything else (a Date) is left to JSON.stringify, which serialises it its own way.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = withKnown((value as Record<string, unknown>)[key], known);
  return copy;
}

/**
 * A record listing articles, as hashed: each article it holds (with its
 * text) stands as the fingerprint of its own page, which covers all of it.
 * Hashing their text again for every list they are in took longer than
 * rendering. Scores are only in article records, so none reach this hash.
 * The articles are swapped for their fingerprints in a copy, then
 * serialised without a replacer: 10,000 entity pages take 0.4–0.5 s so,
 * against 0.7–1.0 s through a replacer, for the same JSON.
 */
function listHashed(record: object, { known }: FingerprintContext): string {
  return JSON.stringify(withKnown(record, known));
}

export const PAGE_SETS: readonly PageSet[] = [
  { data: "articlePages", template: "article.njk", records: (archive) => archive.articles, hashed: articleHashed },
  { data: "entityPages", template: "entity.njk", records: (archive) => archive.entityPages, hashed: listHashed },
  { data: "entityIndexPages", template: "entityIndex.njk", records: (archive) => archive.entityIndexPages, hashed: listHashed },
  { data: "periodPages", template: "period.njk", records: (archive) => archive.periodPages, hashed: listHashed },
];

/** One page to render: its set and its record. */
export interface PlannedPage {
  readonly set: PageSet;
  readonly record: { readonly url: string };
}

interface FingerprintsFile {
  /** The templates, render code and settings the pages were made with. */
  readonly version: string;
  /** Page URL → fingerprint. */
  readonly pages: Record<string, string>;
}

export interface PagePlan {
  /** Pages to render, set by set, each in archive order. */
  readonly render: readonly PlannedPage[];
  /**
   * The links to the previous site's pages, made in the background while the
   * others render: the URLs linked, and the pages that could not be (gone
   * from the previous site), to render as well.
   */
  readonly linked: Promise<{ readonly reused: readonly string[]; readonly failed: readonly PlannedPage[] }>;
  /** What to record for the next build. */
  readonly fingerprints: FingerprintsFile;
}

/** Links handed to the linker thread at a time: it starts on the first while the rest are fingerprinted. */
const LINK_BATCH = 1_000;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Code whose output the fingerprints leave out, as they can derive it (`articleHashed`). */
const DERIVED_BY = [new URL("../archive/articleExtras.ts", import.meta.url)];

/**
 * A hash of what every page is made with besides its own record: the
 * templates, the code `entries` run (Eleventy's configuration, the render
 * stage) and that of `DERIVED_BY`, with everything they import, and the
 * settings.
 */
export async function renderVersion(entries: readonly URL[], templatesDir: string, settings: SiteSettings): Promise<string> {
  const code = await codeVersion([...entries, ...DERIVED_BY]);
  const hash = createHash("sha256").update(`${code}\n${JSON.stringify(settings)}\n`);
  for (const file of await filesUnder(templatesDir)) hash.update(`${file.slice(templatesDir.length)}\n`).update(await readFile(file));
  return hash.digest("hex").slice(0, 32);
}

/**
 * The fingerprint of the page `set` makes from `record`: its template, the
 * archive's "today" and the record as the set hashes it. Article pages must
 * be fingerprinted first, into `known`, for the pages that list articles.
 */
export function pageFingerprint(
  set: PageSet,
  record: object,
  today: string,
  context: FingerprintContext = { known: new Map(), sourceKeys: new Map() },
): string {
  return createHash("sha256").update(`${set.template}\n${today}\n`).update(set.hashed(record, context)).digest("hex").slice(0, 32);
}

async function previousFingerprints(siteDir: string): Promise<FingerprintsFile | null> {
  try {
    const parsed = JSON.parse(await readFile(join(siteDir, FINGERPRINTS_FILE), "utf8")) as Partial<FingerprintsFile>;
    return typeof parsed.version === "string" && typeof parsed.pages === "object" && parsed.pages !== null
      ? { version: parsed.version, pages: parsed.pages }
      : null;
  } catch {
    return null;
  }
}

const pageFile = (siteDir: string, url: string) => join(siteDir, url, "index.html");

/**
 * Links into `outDir`, in the background, every page of `previousSiteDir`
 * made from the same inputs, and returns the pages left to render.
 */
export async function reuseUnchangedPages(
  archive: Archive,
  version: string,
  outDir: string,
  previousSiteDir: string | undefined,
  sourceKeys: ReadonlyMap<string, string> = new Map(),
): Promise<PagePlan> {
  const previous = previousSiteDir === undefined ? null : await previousFingerprints(previousSiteDir);
  const from = previous !== null && previous.version === version ? previousSiteDir : undefined;
  const pages: Record<string, string> = {};
  const render: PlannedPage[] = [];
  const linker = from === undefined ? null : startFileLinker();
  /** Pages being linked, by their file in `outDir`. */
  const linking = new Map<string, PlannedPage>();
  let batch: FileLink[] = [];
  /** Each article's page fingerprint: the articles are set first. */
  const known = new Map<object, string>();
  for (const set of PAGE_SETS) {
    for (const record of set.records(archive)) {
      const fingerprint = pageFingerprint(set, record, archive.today, { known, sourceKeys });
      if (set.data === "articlePages") known.set(record, fingerprint);
      pages[record.url] = fingerprint;
      if (linker === null || from === undefined || previous?.pages[record.url] !== fingerprint) {
        render.push({ set, record });
        continue;
      }
      const target = pageFile(outDir, record.url);
      linking.set(target, { set, record });
      batch.push([pageFile(from, record.url), target]);
      if (batch.length === LINK_BATCH) {
        linker.link(batch);
        batch = [];
      }
    }
  }
  linker?.link(batch);
  const linked = (async () => {
    const failed = new Set(linker === null ? [] : await linker.finish());
    const pagesBy = (made: boolean) => [...linking].filter(([target]) => failed.has(target) !== made).map(([, page]) => page);
    return { reused: pagesBy(true).map((page) => page.record.url), failed: pagesBy(false) };
  })();
  // Awaited once the other pages are rendered; a failed render must not leave it unhandled.
  linked.catch(() => undefined);
  return { render, linked, fingerprints: { version, pages } };
}

export async function writeFingerprints(outDir: string, fingerprints: FingerprintsFile): Promise<void> {
  await writeFile(join(outDir, FINGERPRINTS_FILE), JSON.stringify(fingerprints));
}
