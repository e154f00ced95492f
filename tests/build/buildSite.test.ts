// Builds the two seeds into a temporary folder and reads the site as a
// browser would receive it.
import assert from "node:assert/strict";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { parse, type HTMLElement } from "node-html-parser";
import type { BuildReport } from "../../src/build.ts";
import { buildIntoTemp } from "../support/buildFixture.ts";
import { readIndexedPages, readShards, type IndexedShard } from "../support/pagefindIndex.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { unsafeHtml } from "../support/safeHtml.ts";

const URL_000 = "/articles/000_dc7d486012497c1e/";
const URL_003 = "/articles/003_b53226ca2d09075e/";

let outDir = "";
let report: BuildReport;
let shards: IndexedShard[] = [];
const page = async (url: string): Promise<HTMLElement> =>
  parse(await readFile(join(outDir, url, url.endsWith("/") ? "index.html" : ""), "utf8"));
const text = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, " ").trim() ?? "";

before(async () => {
  ({ outDir, report } = await buildIntoTemp(SEEDS_DIR));
  shards = await readShards(outDir);
});

describe("building the seeds", () => {
  it("should pass the safe-HTML check on every page", async () => {
    assert.deepEqual(await unsafeHtml(outDir, "/"), []);
  });

  it("should write home, timeline, search, 404 and one page per article", async () => {
    for (const url of ["/", "/404.html", URL_000, URL_003, "/search/", "/timeline/", "/2021/", "/2021/05/", "/2023/", "/2023/09/"]) {
      assert.ok(report.pages.includes(url), `no page ${url}`);
    }
    for (const file of ["index.html", "timeline/index.html", "search/index.html", "404.html", "assets/site.css", "assets/search.js"]) {
      await access(join(outDir, file));
    }
    assert.equal(report.archive.articles.length, 2);
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file} ${d.code}`),
      ["003_b53226ca2d09075e.txt DATE_CONFLICT"],
    );
  });

  it("should show each article with its headline, date, body and neighbours", async () => {
    const first = await page(URL_000);
    assert.match(text(first.querySelector("h1")), /^President Joe Biden and aides worked behind the scenes/);
    const time = first.querySelector("article time");
    assert.equal(time?.getAttribute("datetime"), "2021-05-18");
    assert.equal(text(time ?? null), "18 May 2021");
    assert.equal(first.querySelector(".dateline"), null);
    assert.equal(first.querySelector(".notice"), null);
    const paragraphs = first.querySelectorAll(".article-body > p");
    const record = report.archive.articles.find((a) => a.url === URL_000);
    assert.equal(paragraphs.length, record?.body.length);
    assert.equal(paragraphs.length, 13);
    assert.match(text(paragraphs[0] ?? null), /^President Joe Biden and aides/);
    assert.equal(first.querySelector('a[rel="prev"]'), null);
    assert.equal(first.querySelector('a[rel="next"]')?.getAttribute("href"), URL_003);
  });

  it("should show seed 003 with dateline, three figures and the date-conflict notice", async () => {
    const article = await page(URL_003);
    assert.equal(text(article.querySelector(".dateline")), "WASHINGTON");
    assert.equal(article.querySelector("article time")?.getAttribute("datetime"), "2023-09-28");
    assert.equal(text(article.querySelector("article time")), "28 September 2023");
    const figures = article.querySelectorAll(".article-body figure");
    assert.equal(figures.length, 3);
    assert.deepEqual(
      figures.map((figure) => text(figure.querySelector("figcaption .credit"))),
      ["Sebastian Scheiner | Reuters", "Mohammed Salem | Reuters", "Ashraf Amra | Anadolu Agency | Getty Images"],
    );
    assert.match(text(figures[1]?.querySelector("figcaption .caption") ?? null), /^Smoke rises after an Israeli air strike/);
    for (const paragraph of article.querySelectorAll(".article-body > p")) {
      assert.doesNotMatch(text(paragraph), /\| Reuters|Getty Images|^WASHINGTON/);
    }
    const notice = text(article.querySelector(".notice"));
    assert.match(notice, /dated 28 September 2023/);
    assert.match(notice, /18 May 2021 and 19 May 2021 and nothing near its stated date/);
    assert.equal(article.querySelector('a[rel="prev"]')?.getAttribute("href"), URL_000);
    assert.equal(article.querySelector('a[rel="next"]'), null);
  });

  it("should show the two seeds as each other's related coverage", async () => {
    const first = await page(URL_000);
    assert.deepEqual(
      first.querySelectorAll(".related a").map((a) => a.getAttribute("href")),
      [URL_003],
    );
    const second = await page(URL_003);
    assert.deepEqual(
      second.querySelectorAll(".related a").map((a) => a.getAttribute("href")),
      [URL_000],
    );
    assert.equal(second.querySelector(".related .tag"), null, "different reports, not copies");
  });

  it("should give each person, place and organisation of both seeds one page, and link them from the articles", async () => {
    const pages = report.archive.entityPages.map((entity) => `${entity.kind} ${entity.name} ${entity.url}`);
    for (const expected of [
      "person Joe Biden /people/joe-biden/",
      "person Benjamin Netanyahu /people/benjamin-netanyahu/",
      "place Israel /places/israel/",
      "place Gaza /places/gaza/",
      "organization Hamas /organizations/hamas/",
      "organization White House /organizations/white-house/",
    ]) {
      assert.equal(pages.filter((entry) => entry === expected).length, 1, expected);
    }
    const names = report.archive.entityPages.map((entity) => entity.name);
    for (const variant of ["Biden", "Netanyahu", "President Joe Biden", "Israeli", "Gaza Strip", "White"])
      assert.ok(!names.includes(variant), `${variant} got its own page`);
    const first = await page(URL_000);
    const named = first.querySelectorAll(".named li").map((li) => text(li));
    assert.equal(named.filter((name) => name === "Egypt").length, 1, "Egypt is named once, without a page");
    assert.equal(first.querySelector('.named a[href="/people/joe-biden/"]')?.textContent, "Joe Biden");
    const biden = await page("/people/joe-biden/");
    assert.deepEqual(
      biden.querySelectorAll(".entries a").map((a) => a.getAttribute("href")),
      [URL_000, URL_003],
    );
    assert.ok(
      biden.querySelectorAll(".chips a").some((a) => a.textContent === "Benjamin Netanyahu"),
      "companions",
    );
  });

  it("should list quotations with their speakers on articles and on the speaker's page", async () => {
    const first = await page(URL_000);
    const speakers = first.querySelectorAll(".quotes figcaption").map((caption) => text(caption).replace(/^— /, ""));
    assert.ok(speakers.includes("Jen Psaki"), speakers.join(", "));
    assert.ok(speakers.includes("Logan Bayroff"), speakers.join(", "));
    const netanyahu = await page("/people/benjamin-netanyahu/");
    assert.ok(netanyahu.querySelectorAll(".quote blockquote").length >= 1, "Netanyahu's quotes are on his page");
    const index = JSON.parse(await readFile(join(outDir, "api", "articles.json"), "utf8"));
    assert.ok(index.articles[0].entities.includes("Joe Biden"));
  });

  it("should list every article on the timeline by year and month, with date, headline and lead", async () => {
    const timeline = await page("/timeline/");
    const years = timeline.querySelectorAll("section.year > h2 > a").map((h) => text(h));
    assert.deepEqual(years, ["2021", "2023"]);
    const months = timeline.querySelectorAll("section.month > h3 > a").map((h) => text(h));
    assert.deepEqual(months, ["May 2021", "September 2023"]);
    const entries = timeline.querySelectorAll(".entries li");
    assert.deepEqual(
      entries.map((entry) => entry.querySelector("a")?.getAttribute("href")),
      [URL_000, URL_003],
    );
    assert.deepEqual(
      entries.map((entry) => entry.querySelector("time")?.getAttribute("datetime")),
      ["2021-05-18", "2023-09-28"],
    );
    assert.match(text(entries[1]?.querySelector(".lead") ?? null), /the White House said\.$/);
  });

  it("should say on the home page what the archive holds and lead to the rest", async () => {
    const home = await page("/");
    assert.match(text(home.querySelector(".summary")), /^2 articles, from 18 May 2021 to 28 September 2023\.$/);
    const links = home.querySelectorAll("main a").map((a) => a.getAttribute("href"));
    for (const href of ["/timeline/", "/search/", URL_003, URL_000]) assert.ok(links.includes(href), `home lacks a link to ${href}`);
  });

  it("should give the search page its own script over Pagefind's library, and nothing from elsewhere", async () => {
    const search = await page("/search/");
    const sources = search
      .querySelectorAll("script[src], link[rel=stylesheet]")
      .map((el) => el.getAttribute("src") ?? el.getAttribute("href"));
    assert.ok(sources.includes("/assets/search.js"));
    assert.ok(sources.includes("/assets/search.css"));
    assert.ok(
      sources.every((source) => source?.startsWith("/")),
      `external resource in ${sources.join(", ")}`,
    );
    const preloaded = search.querySelectorAll("link[rel=modulepreload]").map((el) => el.getAttribute("href"));
    assert.ok(preloaded.includes("/pagefind/pagefind.js"));
    await access(join(outDir, "pagefind", "pagefind.js"));
    // Pagefind's ready-made interfaces are not used, so not published.
    await assert.rejects(access(join(outDir, "pagefind", shards[0]?.id ?? "", "pagefind-component-ui.js")));
    const data = JSON.parse(search.querySelector("#search")?.getAttribute("data-search") ?? "{}");
    assert.deepEqual(data.shards, [
      { id: "2021-05-18-2023-09-28", bundle: "/pagefind/2021-05-18-2023-09-28/", first: "2021-05-18", last: "2023-09-28" },
    ]);
    assert.deepEqual(data.filterNames, ["dateline", "location", "month", "organization", "person", "year"]);
    // The filter pane's counts before any index loads: what Pagefind indexed, value by value.
    const indexedTotals: Record<string, Record<string, number>> = {};
    for (const indexedPage of await readIndexedPages(outDir))
      for (const [name, values] of Object.entries(indexedPage.filters))
        for (const value of values) (indexedTotals[name] ??= {})[value] = (indexedTotals[name]?.[value] ?? 0) + 1;
    assert.deepEqual(data.totals, indexedTotals);
    assert.deepEqual(data.totals.year, { "2021": 1, "2023": 1 });
    assert.match(text(search.querySelector("noscript")), /timeline/);
  });

  it("should index exactly the two article pages, with title and date metadata and a year filter", async () => {
    assert.equal(report.indexedPages, 2);
    const indexed = await readIndexedPages(outDir);
    assert.deepEqual(
      indexed.map((p) => ({ url: p.url, date: p.meta["date"], year: p.filters["year"] })),
      [
        { url: URL_000, date: "18 May 2021", year: ["2021"] },
        { url: URL_003, date: "28 September 2023", year: ["2023"] },
      ],
    );
    assert.match(indexed[0]?.meta["title"] ?? "", /^President Joe Biden and aides/);
    assert.doesNotMatch(indexed[1]?.content ?? "", /Date uncertain/, "the notice is not article text");
    // Two articles make one shard: its own Pagefind bundle.
    assert.deepEqual(
      shards.map((shard) => [shard.id, shard.pages]),
      [["2021-05-18-2023-09-28", 2]],
    );
    const entry = JSON.parse(await readFile(join(outDir, "pagefind", "2021-05-18-2023-09-28", "pagefind-entry.json"), "utf8"));
    assert.equal(entry.languages.en.page_count, 2);
  });
});
