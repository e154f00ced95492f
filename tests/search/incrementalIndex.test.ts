// Rebuilding a site re-indexes only the search shards whose articles changed;
// the others are copied from the site being replaced.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildSite } from "../../src/build.ts";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { indexArticles, readPlan } from "../../src/search/indexArticles.ts";
import { readIndexedPages } from "../support/pagefindIndex.ts";

const FIXTURE_DIR = join(PROJECT_ROOT, "tests", "fixtures", "search");
const EDITED = "f-2021-geneva-ceasefire-holds.md";
let seedsDir = "";
let outDir = "";

before(async () => {
  const work = await mkdtemp(join(tmpdir(), "clippings-incremental-"));
  seedsDir = join(work, "seeds");
  outDir = join(work, "site");
  await cp(FIXTURE_DIR, seedsDir, { recursive: true });
});

describe("rebuilding the search index", () => {
  it("should index every shard on the first build, reuse them all when nothing changed, and re-index only the shard of an edited article", async () => {
    const first = await buildSite({ seedsDir, outDir, shardPages: 3 });
    // A head of one page (a quarter of 3, at least one): the newest day.
    assert.deepEqual(
      first.searchShards.map((shard) => shard.id),
      ["2021-05-18", "2021", "2020", "2019"],
    );
    assert.deepEqual(first.reusedShards, []);

    const again = await buildSite({ seedsDir, outDir, shardPages: 3 });
    assert.deepEqual(again.reusedShards, ["2021-05-18", "2021", "2020", "2019"]);
    assert.deepEqual(
      again.searchShards.map((shard) => shard.hash),
      first.searchShards.map((shard) => shard.hash),
    );

    const file = join(seedsDir, EDITED);
    await writeFile(file, `${await readFile(file, "utf8")}\nObservers reported a quiet zeppelin crossing.\n`);
    const edited = await buildSite({ seedsDir, outDir, shardPages: 3 });
    assert.deepEqual(edited.reusedShards, ["2021-05-18", "2020", "2019"]);
    const pages = await readIndexedPages(outDir);
    assert.equal(pages.length, 8, "every article is still indexed");
    assert.deepEqual(
      pages.filter((page) => page.content.includes("zeppelin")).map((page) => page.url),
      ["/articles/f-2021-geneva-ceasefire-holds/"],
    );
  });

  it("should read a page the previous build indexed again when its filters changed, though it is the same file", async () => {
    const previous = join(seedsDir, "..", "filters-before");
    const site = join(seedsDir, "..", "filters-after");
    await buildSite({ seedsDir, outDir: previous, shardPages: 3 });
    // The same pages, hard-linked as a rebuild links them, and one more filter on one page.
    execFileSync("cp", ["-al", previous, site]);
    await rm(join(site, "pagefind"), { recursive: true });
    const plan = await readPlan(previous);
    const url = "/articles/f-2021-geneva-ceasefire-holds/";
    const shards = plan.map((shard) =>
      shard.filters[url] === undefined
        ? shard
        : { ...shard, filters: { ...shard.filters, [url]: [...(shard.filters[url] ?? []), "person:Zeppelin"] } },
    );
    const linkedPages = plan.flatMap((shard) => shard.urls);
    const result = await indexArticles(site, shards, { previousSiteDir: previous, linkedPages });
    assert.deepEqual(result.reused, ["2021-05-18", "2020", "2019"]);
    const page = (await readIndexedPages(site)).find((indexed) => indexed.url === url);
    assert.deepEqual(page?.filters.person, ["Zeppelin"]);
  });

  it("should take a linked page's indexed part from the previous build's record, without reading it, and read the others", async () => {
    const previous = join(seedsDir, "..", "linked-before");
    await buildSite({ seedsDir, outDir: previous, shardPages: 3 });
    const plan = await readPlan(previous);
    const url = "/articles/f-2021-geneva-ceasefire-holds/";
    const pageFile = (site: string) => join(site, "articles", "f-2021-geneva-ceasefire-holds", "index.html");
    const linkedPages = plan.flatMap((shard) => shard.urls);
    // The page's text changed behind the build's back: only a page that is read shows it.
    const changed = async (name: string) => {
      const site = join(seedsDir, "..", name);
      execFileSync("cp", ["-a", previous, site]);
      await rm(join(site, "pagefind"), { recursive: true });
      await writeFile(pageFile(site), (await readFile(pageFile(site), "utf8")).replace("</h1>", " zeppelin</h1>"));
      return site;
    };
    const trusted = await changed("linked-trusted");
    const linked = await indexArticles(trusted, plan, { previousSiteDir: previous, linkedPages });
    assert.deepEqual(linked.reused, ["2021-05-18", "2021", "2020", "2019"], "every shard as it was: the page was not read");

    const read = await changed("linked-read");
    const notLinked = await indexArticles(read, plan, {
      previousSiteDir: previous,
      linkedPages: linkedPages.filter((page) => page !== url),
    });
    assert.deepEqual(notLinked.reused, ["2021-05-18", "2020", "2019"]);
    const pages = await readIndexedPages(read);
    assert.match(pages.find((page) => page.url === url)?.content ?? "", /zeppelin/);
  });

  it("should index again every shard of a site indexed by another Pagefind or with other options", async () => {
    await buildSite({ seedsDir, outDir, shardPages: 3 });
    const listFile = join(outDir, "pagefind", "shards.json");
    const listed = JSON.parse(await readFile(listFile, "utf8")) as { format: string };
    await writeFile(listFile, JSON.stringify({ ...listed, format: "pagefind-0.0.0/en/1" }));
    const rebuilt = await buildSite({ seedsDir, outDir, shardPages: 3 });
    assert.deepEqual(rebuilt.reusedShards, []);
  });
});
