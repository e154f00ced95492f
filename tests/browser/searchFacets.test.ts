// The search page as a researcher uses it, in headless Chromium against built
// sites: facet counts checked against the article records, a date range,
// sort by date, phrase and accent-free name search, highlighting on the
// article page, the state in the address (reload, back, forward), keyboard
// use alone and the spoken result count.
//
// Fixture: tests/fixtures/search/, built in four search shards, eight short articles over 2019–2021 filed
// from GENEVA and NAIROBI, one undated, one about “Zoë Müller” (and one naming
// a Zoë and a Müller apart), and “harvest” in one headline and in passing elsewhere.
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import type { Page, Request } from "playwright-core";
import type { ArchivedArticle } from "../../src/archive/archive.ts";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { buildIntoTemp } from "../support/buildFixture.ts";
import { launchChromium, type Browser } from "../support/chromium.ts";
import { readIndexedPages, type IndexedPage } from "../support/pagefindIndex.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { serveFolder, type StaticServer } from "../support/staticServer.ts";

const FIXTURE_DIR = join(PROJECT_ROOT, "tests", "fixtures", "search");
const FIXTURE_SHARD_PAGES = 3;
const article = (id: string) => `/articles/${id}/`;
const TALKS_2019 = article("a-2019-geneva-ceasefire-talks");
const BUDGET_2019 = article("b-2019-nairobi-water-budget");
const MULLER_2020 = article("c-2020-nairobi-muller-envoy");
const CORRIDOR_2020 = article("d-2020-geneva-refugee-corridor");
const HARVEST_2020 = article("e-2020-record-harvest");
const HOLDS_2021 = article("f-2021-geneva-ceasefire-holds");
const UNDATED = article("h-undated-ceasefire-notes");
const SEED_000 = "/articles/000_dc7d486012497c1e/";
const SEED_003 = "/articles/003_b53226ca2d09075e/";

interface Site {
  server: StaticServer;
  articles: readonly ArchivedArticle[];
  indexed: IndexedPage[];
}

let fixture: Site;
let seeds: Site;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function buildAndServe(seedsDir: string, shardPages?: number): Promise<Site> {
  const { outDir, report } = await buildIntoTemp(seedsDir, shardPages === undefined ? {} : { shardPages });
  return { server: await serveFolder(outDir), articles: report.archive.articles, indexed: await readIndexedPages(outDir) };
}

before(async () => {
  // One after the other: the builds share Pagefind's indexing service, which each closes when done.
  // Three articles a shard at most: the head (the newest day, 2021-05-18), the rest of 2021, 2020,
  // and 2019 with the undated one, merged in the browser.
  fixture = await buildAndServe(FIXTURE_DIR, FIXTURE_SHARD_PAGES);
  seeds = await buildAndServe(SEEDS_DIR);
  browser = await launchChromium();
  page = await browser.context.newPage();
  // Tall enough for every fixture result to load: results fetch their data once scrolled into view.
  await page.setViewportSize({ width: 1280, height: 2400 });
  page.on("pageerror", (error) => problems.push(`script error on ${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
});

after(async () => {
  await browser?.close();
  await Promise.all([fixture?.server.close(), seeds?.server.close()]);
});

/** Opens the search page of `site` at `query` (`?q=...`) and waits for its results, if any. */
async function open(site: Site, query = ""): Promise<void> {
  await page.goto(`${site.server.origin}/search/${query}`);
  // Ready once the page has read the address, answered its search from the whole archive and built its filter pane.
  await page.locator("#search[data-ready]").waitFor({ state: "attached" });
  if (query.includes("q=") || /[?&](?:from|to|year|month|dateline)=/.test(query)) await settled();
}

/**
 * Waits until the last search has finished and its results have loaded: all of
 * them, or (`all` false) the first, as results load once scrolled into view.
 */
async function settled(all = true): Promise<void> {
  await page.waitForFunction((every) => {
    const status = document.querySelector("#search-status");
    const list = document.querySelector("#search-results");
    if (status?.getAttribute("aria-busy") !== "false" || status.textContent === "" || list === null) return false;
    return every ? list.querySelector("[aria-hidden='true']") === null : list.firstElementChild?.getAttribute("aria-hidden") !== "true";
  }, all);
}

/** Waits for the status line to match, then for the results to load; returns the result paths in order. */
async function results(status: RegExp): Promise<string[]> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector("#search-status")?.textContent ?? ""),
    status.source,
  );
  await settled();
  return page.$$eval(".search-result-link", (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

const status = () => page.textContent("#search-status");
const params = () =>
  Object.fromEntries([...new URL(page.url()).searchParams].map(([key]) => [key, new URL(page.url()).searchParams.getAll(key).join("|")]));

/** The visible values of each filter group with their counts, as the filter pane shows them. */
async function facetCounts(): Promise<Record<string, Record<string, number>>> {
  return page.$$eval("#search-filters details.facet:not([hidden])", (groups) =>
    Object.fromEntries(
      groups.map((group) => [
        (group as HTMLElement).dataset["filter"] ?? "",
        Object.fromEntries(
          Array.from(group.querySelectorAll("li:not([hidden])")).map((item) => [
            (item.querySelector("input") as HTMLInputElement).value,
            Number(item.querySelector(".facet-count")?.textContent),
          ]),
        ),
      ]),
    ),
  );
}

/** What the counts must be: the records' year, month and dateline for the articles that match. */
function countsFromRecords(articles: readonly ArchivedArticle[], matches: (article: ArchivedArticle) => boolean) {
  const counts: Record<string, Record<string, number>> = { year: {}, month: {}, dateline: {} };
  const add = (filter: string, value: string) => {
    const group = (counts[filter] ??= {});
    group[value] = (group[value] ?? 0) + 1;
  };
  for (const record of articles.filter(matches)) {
    add("year", record.date?.slice(0, 4) ?? "undated");
    if (record.date) add("month", record.date.slice(0, 7));
    if (record.dateline) add("dateline", record.dateline);
  }
  return counts;
}

/** The same from the search index, for every filter it has (people and organisations too, once the build emits them). */
function countsFromIndex(indexed: IndexedPage[], urls: string[]) {
  const counts: Record<string, Record<string, number>> = {};
  for (const indexedPage of indexed.filter((candidate) => urls.includes(candidate.url))) {
    for (const [filter, values] of Object.entries(indexedPage.filters)) {
      for (const value of values) {
        const group = (counts[filter] ??= {});
        group[value] = (group[value] ?? 0) + 1;
      }
    }
  }
  return counts;
}

const mentions = (word: RegExp) => (record: ArchivedArticle) =>
  word.test(record.title) || record.body.some((block) => word.test("text" in block ? block.text : ""));

describe("facets", () => {
  it("should count year, month and place for the query as the records do, and show every filter in the index", async () => {
    await open(fixture, "?q=ceasefire");
    const urls = await results(/^5 results for “ceasefire”$/);
    const expected = countsFromRecords(fixture.articles, mentions(/ceasefire/i));
    assert.deepEqual(
      urls.slice().sort(),
      fixture.articles
        .filter(mentions(/ceasefire/i))
        .map((record) => record.url)
        .sort(),
    );
    const shown = await facetCounts();
    for (const filter of ["year", "month", "dateline"]) assert.deepEqual(shown[filter], expected[filter], filter);
    assert.deepEqual(shown, countsFromIndex(fixture.indexed, urls), "a filter group is missing or miscounted");
    assert.deepEqual(expected["year"], { "2019": 1, "2020": 2, "2021": 1, undated: 1 });
  });

  it("should show the whole archive's counts on a page without a search, loading no shard but the newest until a query", async () => {
    const bundles = new Set<string>();
    const record = (request: Request) => {
      const bundle = /\/pagefind\/([^/]+)\//.exec(new URL(request.url()).pathname)?.[1];
      if (bundle !== undefined) bundles.add(bundle);
    };
    page.on("request", record);
    try {
      await open(fixture);
      await page.waitForLoadState("networkidle");
      const shards = await page.$eval("#search", (root) =>
        (JSON.parse((root as HTMLElement).dataset["search"] ?? "{}").shards as Array<{ id: string }>).map((shard) => shard.id),
      );
      assert.equal(shards.length, 4, "the fixture is built in four shards");
      assert.deepEqual([...bundles], [shards[0]], "only the newest shard loads before a query");
      const everything = fixture.indexed.map((indexedPage) => indexedPage.url);
      assert.deepEqual(await facetCounts(), countsFromIndex(fixture.indexed, everything));

      await page.locator("#search-input").fill("ceasefire");
      await page.keyboard.press("Enter");
      await results(/^5 results for “ceasefire”$/);
      assert.deepEqual([...bundles].sort(), shards.slice().sort(), "the query loads every shard");
    } finally {
      page.off("request", record);
    }
  });

  it("should narrow the results and recount the other facets when a value is ticked", async () => {
    await open(fixture, "?q=ceasefire");
    await page.check('#search-filters input[name="year"][value="2020"]');
    const urls = await results(/^2 results for “ceasefire”, with year 2020$/);
    assert.deepEqual(urls.sort(), [MULLER_2020, CORRIDOR_2020].sort());
    const shown = await facetCounts();
    assert.deepEqual(shown["dateline"], { GENEVA: 1, NAIROBI: 1 });
    assert.deepEqual(shown["month"], { "2020-06": 2 });
    assert.deepEqual(params(), { q: "ceasefire", year: "2020" });

    await page.check('#search-filters input[name="dateline"][value="GENEVA"]');
    assert.deepEqual(await results(/^1 result for “ceasefire”, with dateline GENEVA, year 2020$/), [CORRIDOR_2020]);
    await page.uncheck('#search-filters input[name="year"][value="2020"]');
    assert.deepEqual(
      (await results(/^3 results for “ceasefire”, with dateline GENEVA$/)).sort(),
      [TALKS_2019, CORRIDOR_2020, HOLDS_2021].sort(),
    );
    assert.deepEqual((await facetCounts())["year"], { "2019": 1, "2020": 1, "2021": 1 });
  });

  it("should list what a filter matches when there are no words to search for", async () => {
    await open(fixture, "?year=2020");
    assert.deepEqual((await results(/^3 articles, with year 2020$/)).sort(), [MULLER_2020, CORRIDOR_2020, HARVEST_2020].sort());
  });
});

describe("date range", () => {
  it("should narrow to the months between from and to, from the year and month values", async () => {
    await open(fixture, "?q=ceasefire");
    const fromOptions = await page.$$eval("#search-from option", (options) => options.map((option) => (option as HTMLOptionElement).value));
    assert.deepEqual(fromOptions, ["", "2019", "2019-03", "2019-11", "2020", "2020-06", "2020-09", "2021", "2021-01", "2021-05"]);
    await page.selectOption("#search-from", "2020-06");
    assert.deepEqual(
      (await results(/^3 results for “ceasefire”, dated from June 2020$/)).sort(),
      [MULLER_2020, CORRIDOR_2020, HOLDS_2021].sort(),
    );
    await page.selectOption("#search-to", "2020");
    assert.deepEqual(
      (await results(/^2 results for “ceasefire”, dated from June 2020 to 2020$/)).sort(),
      [MULLER_2020, CORRIDOR_2020].sort(),
    );
    assert.deepEqual(params(), { q: "ceasefire", from: "2020-06", to: "2020" });
    assert.deepEqual((await facetCounts())["year"], { "2020": 2 }, "undated and other years are out of range");
  });

  it("should find nothing in a range with no articles, and swap bounds given the wrong way round", async () => {
    await open(fixture, "?q=ceasefire&from=2019-04&to=2019-10");
    assert.deepEqual(await results(/^No results for “ceasefire”, dated from April 2019 to October 2019$/), []);
    await open(fixture, "?q=ceasefire&from=2021&to=2019");
    assert.equal((await results(/^4 results for “ceasefire”, dated from 2019 to 2021$/)).length, 4);
  });
});

describe("sort", () => {
  it("should put the newest first or the oldest first on request, keeping undated articles", async () => {
    await open(fixture, "?q=ceasefire");
    await page.selectOption("#search-sort", "newest");
    await page.waitForURL(/sort=newest/);
    assert.deepEqual(await results(/^5 results/), [HOLDS_2021, CORRIDOR_2020, MULLER_2020, TALKS_2019, UNDATED]);
    await page.selectOption("#search-sort", "oldest");
    await page.waitForURL(/sort=oldest/);
    // Undated articles sort as 0000-00-00: first when the oldest come first.
    assert.deepEqual(await results(/^5 results/), [UNDATED, TALKS_2019, MULLER_2020, CORRIDOR_2020, HOLDS_2021]);
    const dates = await page.$$eval(".search-result-date", (items) => items.map((item) => item.textContent));
    assert.deepEqual(dates, ["Undated", "4 March 2019", "15 June 2020", "28 June 2020", "12 January 2021"]);
  });
});

describe("phrases and names", () => {
  it("should match a quoted phrase only where its words stand together", async () => {
    await open(fixture, `?q=${encodeURIComponent('"Zoë Müller"')}`);
    assert.deepEqual(await results(/^1 result for "Zoë Müller"$/), [MULLER_2020]);
    await open(fixture, `?q=${encodeURIComponent("Zoë Müller")}`);
    assert.deepEqual(await results(/^2 results/), [MULLER_2020, CORRIDOR_2020]);
  });

  it("should find a name with or without its accents", async () => {
    await open(fixture, "?q=Zoe+Muller");
    assert.deepEqual(await results(/^2 results for “Zoe Muller”$/), [MULLER_2020, CORRIDOR_2020]);
  });

  it("should rank a word in the headline above a passing mention", async () => {
    await open(fixture, "?q=harvest");
    assert.deepEqual(await results(/^2 results/), [HARVEST_2020, BUDGET_2019]);
  });

  it("should show headline, date, dateline and a highlighted excerpt for each result", async () => {
    await open(fixture, "?q=Zoe+Muller");
    await results(/^2 results/);
    const first = page.locator(".search-result").first();
    assert.equal(await first.locator("h3 a").textContent(), "Zoë Müller named special envoy");
    assert.equal(await first.locator(".search-result-date").textContent(), "15 June 2020");
    assert.equal(await first.locator(".search-result-dateline").textContent(), "NAIROBI");
    const marked = await first.locator(".search-result-excerpt mark").allTextContents();
    assert.ok(marked.includes("Zoë") && marked.includes("Müller"), `marked: ${marked.join(", ")}`);
  });
});

describe("highlighting on the article page", () => {
  it("should mark the words searched for on the page a result opens", async () => {
    await open(fixture, "?q=Zoe+Muller");
    await results(/^2 results/);
    const href = await page.locator(".search-result-link").first().getAttribute("href");
    assert.match(href ?? "", /\?pagefind-highlight=zoe&pagefind-highlight=muller$/);
    await page.locator(".search-result-link").first().click();
    await page.waitForURL((url) => url.pathname === MULLER_2020);
    await page.locator("mark.pagefind-highlight").first().waitFor();
    const marks = await page.$$eval("mark.pagefind-highlight", (items) => items.map((item) => item.textContent));
    assert.ok(marks.includes("Zoë") && marks.includes("Müller"), `marked: ${marks.join(", ")}`);
    assert.equal(await page.locator(".article-meta mark").count(), 0, "nothing outside the article text is marked");
  });

  it("should leave an article opened without a search alone", async () => {
    await page.goto(`${fixture.server.origin}${MULLER_2020}`);
    await page.waitForLoadState("load");
    assert.equal(await page.locator("mark").count(), 0);
  });
});

describe("the address", () => {
  const FULL = "?q=ceasefire&sort=oldest&from=2020&to=2021-01&dateline=GENEVA";

  it("should restore every part of the search from the address, and again after a reload", async () => {
    for (const load of [() => open(fixture, FULL), () => page.reload().then(() => settled())]) {
      await load();
      assert.deepEqual(await results(/^2 results for “ceasefire”, with dateline GENEVA, dated from 2020 to January 2021$/), [
        CORRIDOR_2020,
        HOLDS_2021,
      ]);
      assert.equal(await page.inputValue("#search-input"), "ceasefire");
      assert.equal(await page.inputValue("#search-sort"), "oldest");
      assert.equal(await page.inputValue("#search-from"), "2020");
      assert.equal(await page.inputValue("#search-to"), "2021-01");
      assert.equal(await page.isChecked('#search-filters input[name="dateline"][value="GENEVA"]'), true);
      assert.equal(new URL(page.url()).search, FULL);
    }
  });

  it("should go back and forward through searches, ticks and sorts", async () => {
    await open(fixture);
    await page.locator("#search-input").fill("harvest");
    await page.keyboard.press("Enter");
    assert.deepEqual(await results(/^2 results for “harvest”$/), [HARVEST_2020, BUDGET_2019]);
    await page.locator("#search-input").fill("ceasefire");
    await page.keyboard.press("Enter");
    await results(/^5 results for “ceasefire”$/);
    await page.check('#search-filters input[name="year"][value="2020"]');
    await results(/^2 results for “ceasefire”, with year 2020$/);
    await page.selectOption("#search-sort", "newest");
    assert.deepEqual(await results(/^2 results/), [CORRIDOR_2020, MULLER_2020]);
    assert.deepEqual(params(), { q: "ceasefire", sort: "newest", year: "2020" });

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes("sort="));
    assert.equal(await page.inputValue("#search-sort"), "relevance");
    assert.equal((await results(/^2 results for “ceasefire”, with year 2020$/)).length, 2);
    await page.goBack();
    assert.equal((await results(/^5 results for “ceasefire”$/)).length, 5);
    assert.equal(await page.isChecked('#search-filters input[name="year"][value="2020"]'), false);
    await page.goBack();
    assert.deepEqual(await results(/^2 results for “harvest”$/), [HARVEST_2020, BUDGET_2019]);
    assert.equal(await page.inputValue("#search-input"), "harvest");

    await page.goForward();
    await results(/^5 results for “ceasefire”$/);
    await page.goForward();
    await results(/^2 results for “ceasefire”, with year 2020$/);
    assert.equal(await page.isChecked('#search-filters input[name="year"][value="2020"]'), true);
    assert.deepEqual(params(), { q: "ceasefire", year: "2020" });
  });

  it("should keep the query in the address as it is typed, one history entry per search", async () => {
    await open(fixture);
    const before = await page.evaluate(() => history.length);
    await page.locator("#search-input").pressSequentially("harvest", { delay: 30 });
    await results(/^2 results for “harvest”$/);
    assert.deepEqual(params(), { q: "harvest" });
    assert.equal(await page.evaluate(() => history.length), before + 1);
  });
});

describe("keyboard and screen readers", () => {
  /** Presses Tab until `selector` has the focus; fails after `limit` presses. */
  async function tabTo(selector: string, limit = 60): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press("Tab");
    }
    assert.fail(`Tab never reached ${selector}`);
  }

  it("should search, sort, tick a facet and open a result with the keyboard alone", async () => {
    await open(fixture);
    // The search box has the focus when the page opens.
    assert.equal(await page.evaluate(() => document.activeElement?.matches("#search-input")), true);
    await page.keyboard.type("ceasefire");
    await page.keyboard.press("Enter");
    await results(/^5 results for “ceasefire”$/);

    await tabTo("#search-sort");
    await page.keyboard.press("ArrowDown");
    await page.waitForURL(/sort=newest/);
    assert.deepEqual((await results(/^5 results/))[0], HOLDS_2021);

    await tabTo('#search-filters input[name="year"][value="2021"]');
    await page.keyboard.press("Space");
    assert.deepEqual(await results(/^1 result for “ceasefire”, with year 2021$/), [HOLDS_2021]);

    await tabTo(".search-result-link");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === HOLDS_2021);
    await page.locator("mark.pagefind-highlight").first().waitFor();
  });

  it("should have labels on every control and a polite live region with the count", async () => {
    await open(fixture, "?q=ceasefire");
    await results(/^5 results/);
    const live = page.locator("#search-status");
    assert.equal(await live.getAttribute("aria-live"), "polite");
    assert.equal(await live.getAttribute("role"), "status");
    assert.equal(await live.textContent(), "5 results for “ceasefire”");
    const unlabelled = await page.$$eval("#search input, #search select, #search button", (controls) =>
      controls
        .filter(
          (control) =>
            (control as HTMLInputElement).labels?.length === 0 && !control.textContent?.trim() && !control.getAttribute("aria-label"),
        )
        .map((control) => control.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
  });

  it("should fold the filters away on a narrow screen, and open them on request", async () => {
    await page.setViewportSize({ width: 400, height: 2400 });
    try {
      await open(fixture, "?q=ceasefire");
      await results(/^5 results/);
      assert.equal(await page.isVisible('#search-filters input[name="year"][value="2020"]'), false);
      await page.focus(".search-facets > summary");
      await page.keyboard.press("Enter");
      assert.equal(await page.isVisible('#search-filters input[name="year"][value="2020"]'), true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 2400 });
    }
  });

  it("should say without JavaScript that search needs it, and offer the timeline", async () => {
    const html = await (await page.request.get(`${fixture.server.origin}/search/`)).text();
    assert.match(
      html,
      /<noscript>\s*<p>Search runs in your browser and needs JavaScript\. Without it, browse every article on the <a href="\/timeline\/">timeline<\/a>\.<\/p>\s*<\/noscript>/,
    );
    // The search controls stay hidden until the script shows them.
    assert.match(html, /<div id="search" class="search" hidden data-search="/);
  });
});

describe("long result lists", () => {
  it("should show fifty results at a time and the next ones on request, focusing the first new one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-many-"));
    for (let n = 1; n <= 60; n++) {
      const day = String((n % 28) + 1).padStart(2, "0");
      await writeFile(
        join(dir, `story-${String(n).padStart(2, "0")}.md`),
        `---\ntitle: Ceasefire report ${n}\ndate: 2022-03-${day}\n---\nReport number ${n} on the ceasefire.\n`,
      );
    }
    const many = await buildAndServe(dir);
    try {
      await page.goto(`${many.server.origin}/search/?q=ceasefire`);
      await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "60 results for “ceasefire”");
      await settled(false);
      assert.equal(await page.locator("#search-results > li").count(), 50);
      assert.equal(await page.textContent("#search-more"), "Show 10 more (50 of 60 shown)");
      await page.focus("#search-more");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.closest("li")?.getAttribute("data-result-index") === "50");
      assert.equal(await page.locator("#search-results > li").count(), 60);
      assert.equal(await page.isHidden("#search-more"), true);
      assert.equal(await status(), "60 results for “ceasefire”");
      // A new search starts from the first page again.
      await page.selectOption("#search-sort", "newest");
      await settled(false);
      assert.equal(await page.locator("#search-results > li").count(), 50);
    } finally {
      await many.server.close();
    }
  });
});

describe("the two seeds", () => {
  it("should find both for “ceasefire”, one once 2021 is ticked, and the 2021 one first when the oldest come first", async () => {
    await open(seeds, "?q=ceasefire");
    assert.deepEqual((await results(/^2 results for “ceasefire”$/)).sort(), [SEED_000, SEED_003]);
    await page.check('#search-filters input[name="year"][value="2021"]');
    assert.deepEqual(await results(/^1 result for “ceasefire”, with year 2021$/), [SEED_000]);
    await page.uncheck('#search-filters input[name="year"][value="2021"]');
    await results(/^2 results for “ceasefire”$/);
    await page.selectOption("#search-sort", "oldest");
    assert.deepEqual(await results(/^2 results/), [SEED_000, SEED_003]);
    assert.equal(await page.locator(".search-result-date").first().textContent(), "18 May 2021");
  });
});

describe("the state module", () => {
  interface StateModule {
    readState(search: string, names: string[]): { q: string; sort: string; from: string; to: string; filters: Record<string, string[]> };
    writeSearch(state: ReturnType<StateModule["readState"]>, names: string[]): string;
    rangeFilter(from: string, to: string, known: Record<string, Record<string, number>>): unknown;
  }
  const load = async () => (await import(pathToFileURL(join(PROJECT_ROOT, "layouts", "assets", "searchState.js")).href)) as StateModule;

  it("should read and write the same address, ignoring parameters that are not filters", async () => {
    const state = await load();
    const names = ["dateline", "month", "person", "year"];
    const read = state.readState(
      "?utm_source=x&q=%22Zo%C3%AB+M%C3%BCller%22&year=2021&year=2022&sort=newest&from=2021-13&to=2022&person=Zo%C3%AB+M%C3%BCller&pagefind-highlight=x",
      names,
    );
    assert.deepEqual(read, {
      q: '"Zoë Müller"',
      sort: "newest",
      from: "",
      to: "2022",
      filters: { year: ["2021", "2022"], person: ["Zoë Müller"] },
    });
    assert.equal(
      state.writeSearch(read, names),
      "?q=%22Zo%C3%AB+M%C3%BCller%22&sort=newest&to=2022&person=Zo%C3%AB+M%C3%BCller&year=2021&year=2022",
    );
    assert.deepEqual(state.readState(state.writeSearch(read, names), names), read);
  });

  it("should turn a range into the month values inside it, or into nothing at all", async () => {
    const state = await load();
    const known = {
      month: { "2019-12": 1, "2020-01": 2, "2020-06": 1, "2021-02": 1 },
      year: { "2019": 1, "2020": 3, "2021": 1, undated: 2 },
    };
    assert.deepEqual(state.rangeFilter("2020", "", known), { month: { any: ["2020-01", "2020-06", "2021-02"] } });
    assert.deepEqual(state.rangeFilter("2021", "2019-12", known), { month: { any: ["2019-12", "2020-01", "2020-06", "2021-02"] } });
    assert.deepEqual(state.rangeFilter("", "2020-05", { year: known.year }), { year: { any: ["2019", "2020"] } });
    assert.deepEqual(state.rangeFilter("2022", "", known), { month: { any: ["\u0000none"] } });
    assert.equal(state.rangeFilter("", "", known), null);
  });
});

describe("the content security policy", () => {
  it("should have blocked nothing and raised no script error on the pages visited above", () => {
    assert.deepEqual(problems, []);
  });
});
