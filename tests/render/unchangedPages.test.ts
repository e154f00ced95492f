// Rendering in batches, and rebuilding only what changed: a record page
// (article, entity, period, index) whose inputs are unchanged is linked from
// the site being replaced; the result is byte for byte a fresh build's.
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { loadArchive, ingestOptionsFor } from "../../src/build.ts";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { renderSite, ELEVENTY_CONFIG, TEMPLATES_DIR } from "../../src/render/renderSite.ts";
import { FINGERPRINTS_FILE, PAGE_SETS, pageFingerprint, renderVersion } from "../../src/render/unchangedPages.ts";
import { planShards } from "../../src/search/shardPlan.ts";
import { DEFAULT_SETTINGS } from "../../src/site/siteSettings.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { listFiles } from "../support/siteFiles.ts";

const FIXTURE_DIR = join(PROJECT_ROOT, "tests", "fixtures", "search");
const EDITED = "f-2021-geneva-ceasefire-holds.md";
let work = "";
let seedsDir = "";

before(async () => {
  work = await mkdtemp(join(tmpdir(), "clippings-unchanged-pages-"));
  seedsDir = join(work, "seeds");
  // The search fixture for periods and shards, the seeds for entity pages.
  await cp(FIXTURE_DIR, seedsDir, { recursive: true });
  await cp(SEEDS_DIR, seedsDir, { recursive: true });
});

/** The pages of `seedsDir`, its records read from `cacheDir` when given, as a build does. */
async function render(outDir: string, options: Parameters<typeof renderSite>[4] = {}, settings = DEFAULT_SETTINGS, cacheDir?: string) {
  const { archive, sourceKeys } = await loadArchive(seedsDir, ingestOptionsFor({ settings }), cacheDir === undefined ? {} : { cacheDir });
  const result = await renderSite(archive, settings, outDir, planShards(archive.articles), { sourceKeys, ...options });
  return { archive, result, sourceKeys };
}

/** Every file of a site with its bytes, the fingerprint record aside. */
async function siteContents(siteDir: string): Promise<Map<string, string>> {
  const files = (await listFiles(siteDir)).filter((file) => file !== FINGERPRINTS_FILE).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(siteDir, file), "utf8")] as const)));
}

const recordPageCount = (archive: Awaited<ReturnType<typeof render>>["archive"]) =>
  PAGE_SETS.reduce((sum, set) => sum + set.records(archive).length, 0);

describe("rendering in batches", () => {
  it("should write the same site one page per Eleventy run as in one run", async () => {
    const whole = await render(join(work, "whole"), { pagesPerRun: 100_000 });
    const single = await render(join(work, "single"), { pagesPerRun: 1 });
    assert.ok(
      PAGE_SETS.every((set) => set.records(whole.archive).length > 0),
      "the fixture has articles, entity pages, index pages and period pages",
    );
    assert.deepEqual([...single.result.pages].sort(), [...whole.result.pages].sort());
    assert.deepEqual(await siteContents(join(work, "single")), await siteContents(join(work, "whole")));
  });
});

describe("rebuilding the pages", () => {
  it("should link every record page when nothing changed, and render again only the pages an edit reaches", async () => {
    const first = await render(join(work, "first"));
    assert.equal(first.result.linked.length, 0, "a first build has nothing to reuse");

    const again = await render(join(work, "again"), { previousSiteDir: join(work, "first") });
    assert.equal(again.result.linked.length, recordPageCount(again.archive));
    assert.deepEqual(await siteContents(join(work, "again")), await siteContents(join(work, "first")));

    const file = join(seedsDir, EDITED);
    await writeFile(file, (await readFile(file, "utf8")).replace("Aid workers said", "Zeppelin-borne aid workers said"));
    const edited = await render(join(work, "edited"), { previousSiteDir: join(work, "again") });
    await render(join(work, "fresh"));
    assert.ok(edited.result.linked.length > 0, "pages the edit does not reach are linked");
    assert.ok(edited.result.linked.length < recordPageCount(edited.archive), "the edited article's page is rendered");
    assert.deepEqual(await siteContents(join(work, "edited")), await siteContents(join(work, "fresh")));
    const page = await readFile(join(work, "edited", "articles", "f-2021-geneva-ceasefire-holds", "index.html"), "utf8");
    assert.match(page, /Zeppelin-borne/);
  });

  it("should render an edited article again when its record's cache key stands for its text", async () => {
    const cacheDir = join(work, "cache");
    const first = await render(join(work, "cached-first"), {}, DEFAULT_SETTINGS, cacheDir);
    assert.equal(first.sourceKeys.size, first.archive.articles.length, "every article's record has its key");
    const again = await render(join(work, "cached-again"), { previousSiteDir: join(work, "cached-first") }, DEFAULT_SETTINGS, cacheDir);
    assert.equal(again.result.linked.length, recordPageCount(again.archive));

    // A word of the body alone, not of its lead or its count: only the key tells the fingerprint the text changed.
    const file = join(seedsDir, EDITED);
    const text = await readFile(file, "utf8");
    const retold = text.replace("the calm had let them", "the calm had helped them");
    assert.notEqual(retold, text);
    try {
      await writeFile(file, retold);
      const edited = await render(join(work, "cached-edited"), { previousSiteDir: join(work, "cached-again") }, DEFAULT_SETTINGS, cacheDir);
      assert.ok(edited.result.linked.length > 0, "pages the edit does not reach are linked");
      const page = await readFile(join(work, "cached-edited", "articles", "f-2021-geneva-ceasefire-holds", "index.html"), "utf8");
      assert.match(page, /the calm had helped them/);
      await render(join(work, "cached-fresh"));
      assert.deepEqual(await siteContents(join(work, "cached-edited")), await siteContents(join(work, "cached-fresh")));
    } finally {
      await writeFile(file, text);
    }
  });

  it("should render a page the previous site has lost rather than link it", async () => {
    const previous = join(work, "losing");
    const first = await render(previous);
    const lost = join("articles", "a-2019-geneva-ceasefire-talks", "index.html");
    const expected = await siteContents(previous);
    await rm(join(previous, lost));
    const mended = await render(join(work, "mended"), { previousSiteDir: previous });
    assert.equal(mended.result.linked.length, recordPageCount(first.archive) - 1);
    assert.ok(mended.result.pages.includes("/articles/a-2019-geneva-ceasefire-talks/"));
    assert.deepEqual(await siteContents(join(work, "mended")), expected);
  });

  it("should tell how many pages it renders, then, before the pages made from the whole archive, that every record page is in place", async () => {
    const previous = join(work, "telling");
    const first = await render(previous);
    const lost = "/articles/a-2019-geneva-ceasefire-talks/";
    await rm(join(previous, lost, "index.html"));
    const file = join(seedsDir, EDITED);
    const text = await readFile(file, "utf8");
    const outDir = join(work, "told");
    const told: string[] = [];
    let present = new Set<string>();
    let linked: readonly string[] = [];
    try {
      await writeFile(file, text.replace("Aid workers said", "Zeppelin-borne aid workers said"));
      const { result, archive } = await render(outDir, {
        previousSiteDir: previous,
        onRenderPlan: (rendering) => void told.push(`plan ${rendering}`),
        onRecordPages: async (pages) => {
          told.push(`record pages ${pages.rendered}`);
          linked = pages.linked;
          present = new Set(await listFiles(outDir));
        },
      });
      const urls = PAGE_SETS.flatMap((set) => set.records(archive).map((record) => record.url));
      assert.deepEqual(
        urls.filter((url) => !present.has(join(url, "index.html").slice(1))),
        [],
      );
      assert.ok(!present.has("index.html"), "the home page, made from the whole archive, comes after");
      const rendered = result.pages.length - result.linked.length;
      assert.ok(rendered > 1 && result.linked.length > 0);
      // The record pages: the edited article's and those its edit reaches, and the lost one, rendered apart after the links failed.
      const recordPages = recordPageCount(archive) - result.linked.length;
      assert.deepEqual(told, [`plan ${recordPages - 1}`, `record pages ${recordPages}`]);
      assert.deepEqual([...linked].sort(), [...result.linked].sort());
      assert.ok(!linked.includes(lost) && result.pages.includes(lost));
      assert.equal(first.result.linked.length, 0);
    } finally {
      await writeFile(file, text);
    }
  });

  it("should render everything again when the settings or the templates change", async () => {
    const base = await render(join(work, "base"));
    const retitled = await render(join(work, "retitled"), { previousSiteDir: join(work, "base") }, { ...DEFAULT_SETTINGS, title: "Other" });
    assert.equal(retitled.result.linked.length, 0);
    assert.ok(base.result.pages.length > 0);
    assert.notEqual(
      await renderVersion([pathToFileURL(ELEVENTY_CONFIG)], TEMPLATES_DIR, DEFAULT_SETTINGS),
      await renderVersion([pathToFileURL(ELEVENTY_CONFIG)], join(PROJECT_ROOT, "tests", "fixtures"), DEFAULT_SETTINGS),
      "the templates are part of the version",
    );
  });
});

describe("a page's fingerprint", () => {
  it("should leave out a related article's score, and nothing else an article page shows", async () => {
    const { archive } = await loadArchive(seedsDir, ingestOptionsFor({}));
    const [set] = PAGE_SETS;
    const article = archive.articles.find((candidate) => candidate.related.length > 0);
    assert.ok(set !== undefined && article !== undefined, "the fixture has an article with related coverage");
    const print = (record: object) => pageFingerprint(set, record, archive.today);
    const rescored = { ...article, related: article.related.map((link) => ({ ...link, score: link.score / 2 })) };
    assert.equal(print(rescored), print(article));
    const marked = { ...article, related: article.related.map((link) => ({ ...link, nearDuplicate: !link.nearDuplicate })) };
    assert.notEqual(print(marked), print(article));
    assert.notEqual(print({ ...article, related: [...article.related].reverse().concat(article.related) }), print(article));
    assert.notEqual(print({ ...article, title: `${article.title}!` }), print(article));
    assert.notEqual(pageFingerprint(set, article, "2099-01-01"), print(article));
  });

  it("should let the cache key of an article's record stand for all of it, and hash what the archive adds", async () => {
    const { archive } = await loadArchive(seedsDir, ingestOptionsFor({}));
    const [set] = PAGE_SETS;
    const [article] = archive.articles;
    assert.ok(set !== undefined && article !== undefined);
    const print = (record: object, key?: string) =>
      pageFingerprint(set, record, archive.today, {
        known: new Map(),
        sourceKeys: new Map(key === undefined ? [] : [[article.id, key]]),
      });
    const retold = { ...article, body: article.body.slice(1) };
    assert.notEqual(print(retold), print(article), "without a key, the body is hashed");
    assert.equal(print(retold, "key"), print(article, "key"), "with one, the key stands for it");
    const trimmed = { ...article, extras: { ...article.extras, moreEntities: article.extras.moreEntities + 1 } };
    assert.notEqual(print(trimmed), print(article), "without a key, the extras are hashed");
    assert.equal(print(trimmed, "key"), print(article, "key"), "with one, they are derived from what is hashed");
    const renamed = { ...article, entities: article.entities.map((ref) => ({ ...ref, name: `${ref.name}!` })) };
    assert.ok(article.entities.length > 0);
    assert.notEqual(print(renamed, "key"), print(article, "key"), "entities come from the archive, not the key");
    assert.notEqual(print(article, "another key"), print(article, "key"));
    assert.notEqual(print({ ...article, title: `${article.title}!` }), print(article), "without a key, its title is hashed");
    assert.equal(print({ ...article, title: `${article.title}!` }, "key"), print(article, "key"), "with one, the key stands for it");
    const neighbour = { id: "elsewhere", url: "/articles/elsewhere/", title: "Elsewhere", date: null };
    assert.notEqual(print({ ...article, next: neighbour }, "key"), print(article, "key"), "its neighbours come from the archive");
    const faceted = { ...article, facets: [...article.facets, { filter: "person", value: "Someone Else" }] };
    assert.notEqual(print(faceted, "key"), print(article, "key"), "and so do its facets");
  });

  it("should take each article a list page holds as its own page's fingerprint, not its text", async () => {
    const { archive } = await loadArchive(seedsDir, ingestOptionsFor({}));
    const articleSet = PAGE_SETS.find((set) => set.data === "articlePages");
    const entitySet = PAGE_SETS.find((set) => set.data === "entityPages");
    const page = archive.entityPages.find((candidate) => candidate.articles.length > 0);
    const article = page?.articles[0];
    assert.ok(articleSet && entitySet && page && article, "the fixture has an entity page listing an article");
    const known = new Map<object, string>(archive.articles.map((each) => [each, pageFingerprint(articleSet, each, archive.today)]));
    const print = (record: object, prints: ReadonlyMap<object, string>) =>
      pageFingerprint(entitySet, record, archive.today, { known: prints, sourceKeys: new Map() });
    const base = print(page, known);
    assert.notEqual(print(page, new Map(known).set(article, "another fingerprint")), base);
    const retold = { ...article, body: [] };
    const listing = { ...page, articles: page.articles.map((each) => (each === article ? retold : each)) };
    assert.equal(print(listing, new Map(known).set(retold, known.get(article) ?? "")), base);
  });
});
