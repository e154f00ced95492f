// The built seed site as a reader uses it: in headless Chromium, over HTTP
// from 127.0.0.1, typing into the search box and following links.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { buildIntoTemp } from "../support/buildFixture.ts";
import { launchChromium, type Browser } from "../support/chromium.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { serveFolder, type StaticServer } from "../support/staticServer.ts";

const URL_000 = "/articles/000_dc7d486012497c1e/";
const URL_003 = "/articles/003_b53226ca2d09075e/";

let server: StaticServer;
let browser: Browser;
let page: Page;
const violations: string[] = [];

before(async () => {
  const { outDir } = await buildIntoTemp(SEEDS_DIR);
  server = await serveFolder(outDir);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => assert.fail(`script error on ${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Result links once Pagefind has shown `count` of them for the current query. */
async function resultLinks(count: number): Promise<string[]> {
  // The status line is busy while a search runs; each result replaces its placeholder (aria-hidden) once loaded.
  await page.waitForFunction(
    (n) =>
      document.querySelector("#search-status")?.getAttribute("aria-busy") === "false" &&
      document.querySelectorAll(".search-result-link").length === n &&
      !document.querySelector("#search-results [aria-hidden='true']"),
    count,
  );
  return page.$$eval(".search-result-link", (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname).sort());
}

async function search(query: string): Promise<void> {
  await page.goto(`${server.origin}/search/`);
  const input = page.locator("#search-input");
  await input.waitFor();
  // Ready once the page has read the address and built its filter pane: typing then reaches a page that is done changing.
  await page.locator("#search[data-ready]").waitFor({ state: "attached" });
  await input.pressSequentially(query, { delay: 20 });
}

describe("search in the browser", () => {
  it("should find both articles for “ceasefire”, each linking to its page", async () => {
    await search("ceasefire");
    assert.deepEqual(await resultLinks(2), [URL_000, URL_003]);
    const dates = await page.$$eval(".search-result-date", (items) => items.map((item) => item.textContent?.trim()).sort());
    assert.deepEqual(dates, ["18 May 2021", "28 September 2023"]);
    assert.match(new URL(page.url()).search, /q=ceasefire/, "the query is kept in the address");
  });

  it("should find only the 2021-05-18 article for “Psaki”, and open it", async () => {
    await search("Psaki");
    assert.deepEqual(await resultLinks(1), [URL_000]);
    await page.click(".search-result-link");
    // The link carries ?pagefind-highlight=psaki, for the article page to mark the word.
    await page.waitForURL((url) => url.pathname === URL_000);
    assert.equal(await page.getAttribute("article time", "datetime"), "2021-05-18");
  });

  it("should open a deep link /search/?q=ceasefire with results", async () => {
    await page.goto(`${server.origin}/search/?q=ceasefire`);
    assert.deepEqual(await resultLinks(2), [URL_000, URL_003]);
    assert.equal(await page.inputValue("#search-input"), "ceasefire");
  });

  it("should sort by date and filter by year through the index", async () => {
    await page.goto(`${server.origin}/search/`);
    // A string, not a function: tsx would wrap named functions in a helper the page lacks.
    const found = await page.evaluate(`(async () => {
      const pagefind = await import("/pagefind/pagefind.js");
      // The index of the newest (here the only) shard, as the search page names it.
      const { shards } = JSON.parse(document.querySelector("#search").dataset.search);
      await pagefind.options({ basePath: shards[0].bundle });
      const urls = async (options) => {
        const { results } = await pagefind.search("ceasefire", options);
        return Promise.all(results.map(async (result) => (await result.data()).url));
      };
      return {
        oldest: await urls({ sort: { date: "asc" } }),
        newest: await urls({ sort: { date: "desc" } }),
        in2021: await urls({ filters: { year: "2021" } }),
      };
    })()`);
    assert.deepEqual(found, { oldest: [URL_000, URL_003], newest: [URL_003, URL_000], in2021: [URL_000] });
  });
});

describe("browsing in the browser", () => {
  it("should follow a timeline entry to its article page", async () => {
    await page.goto(`${server.origin}/timeline/`);
    await page.click(`.entries a[href="${URL_003}"]`);
    await page.waitForURL(`**${URL_003}`);
    assert.equal(await page.textContent(".dateline"), "WASHINGTON");
    assert.equal(await page.locator(".article-body figure").count(), 3);
    assert.match((await page.textContent(".notice")) ?? "", /Date uncertain/);
  });

  it("should go from the home page to the timeline and back through previous/next links", async () => {
    await page.goto(`${server.origin}/`);
    await page.click("text=Browse the timeline");
    await page.waitForURL("**/timeline/");
    await page.goto(`${server.origin}${URL_003}`);
    await page.click('a[rel="prev"]');
    await page.waitForURL(`**${URL_000}`);
  });
});

describe("the content security policy", () => {
  it("should have blocked nothing the site needs on the pages visited above", () => {
    assert.deepEqual(violations, []);
  });
});
