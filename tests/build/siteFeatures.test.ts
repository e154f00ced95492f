// The seeds built under a path prefix, with site settings: every internal
// link resolves, and the machine-readable files parse back to the archive.
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { buildSite, type BuildReport } from "../../src/build.ts";
import { parseSettings } from "../../src/site/siteSettings.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { brokenLinks, htmlPages } from "../support/siteFiles.ts";
import { unsafeHtml } from "../support/safeHtml.ts";

const BASE = "https://archive.example.org";
const PREFIX = "/press/";
const URL_000 = "/articles/000_dc7d486012497c1e/";
const URL_003 = "/articles/003_b53226ca2d09075e/";
let outDir = "";
let report: BuildReport;
const read = (file: string) => readFile(join(outDir, file), "utf8");

before(async () => {
  outDir = join(await mkdtemp(join(tmpdir(), "clippings-prefix-")), "site");
  const settings = parseSettings({ title: "Press Archive", baseUrl: BASE, pathPrefix: PREFIX, language: "en" }, "test");
  report = await buildSite({ seedsDir: SEEDS_DIR, outDir, settings });
});

describe("a site under a path prefix", () => {
  it("should pass the safe-HTML check on every page", async () => {
    assert.deepEqual(await unsafeHtml(outDir, PREFIX), []);
  });

  it("should have every internal link resolve to a file in the output", async () => {
    assert.deepEqual(await brokenLinks(outDir, PREFIX), []);
    const home = parse(await read("index.html"));
    assert.equal(home.querySelector(".ways-in a")?.getAttribute("href"), "/press/timeline/");
    assert.ok(
      home.querySelectorAll("a[href]").every((a) => !a.getAttribute("href")?.startsWith("/") || a.getAttribute("href")?.startsWith(PREFIX)),
    );
  });

  it("should carry the site title and canonical addresses", async () => {
    const article = parse(await read("articles/003_b53226ca2d09075e/index.html"));
    assert.match(article.querySelector("title")?.textContent ?? "", / · Press Archive$/);
    assert.equal(article.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${BASE}${PREFIX}articles/003_b53226ca2d09075e/`);
    assert.equal(article.querySelector('meta[property="og:type"]')?.getAttribute("content"), "article");
    assert.equal(
      article.querySelector('meta[property="og:url"]')?.getAttribute("content"),
      `${BASE}${PREFIX}articles/003_b53226ca2d09075e/`,
    );
  });
});

describe("machine-readable files", () => {
  it("should describe every article as schema.org NewsArticle JSON-LD", async () => {
    const article = parse(await read("articles/003_b53226ca2d09075e/index.html"));
    const data = JSON.parse(article.querySelector('script[type="application/ld+json"]')?.innerHTML ?? "{}");
    assert.equal(data["@type"], "NewsArticle");
    assert.equal(data.datePublished, "2023-09-28");
    assert.equal(data.dateline, "WASHINGTON");
    assert.match(data.headline, /^President Joe Biden told/);
    // A summary, not the text again: the page carries the text already. The lead, cut at a word.
    assert.match(data.description, /^President Joe Biden told Israeli Prime Minister .*…$/);
    assert.ok([...data.description].length <= 160, data.description);
    assert.equal(data.articleBody, undefined);
  });

  it("should list the latest articles in an Atom feed and a JSON Feed", async () => {
    const atom = parse(await read("feed.xml"));
    const entries = atom.querySelectorAll("entry");
    assert.deepEqual(
      entries.map((e) => e.querySelector("id")?.textContent),
      [`${BASE}${PREFIX}${URL_003.slice(1)}`, `${BASE}${PREFIX}${URL_000.slice(1)}`],
    );
    assert.deepEqual(
      entries.map((e) => e.querySelector("published")?.textContent),
      ["2023-09-28T00:00:00Z", "2021-05-18T00:00:00Z"],
    );
    const feed = JSON.parse(await read("feed.json"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.title, "Press Archive");
    assert.deepEqual(
      feed.items.map((item: { date_published: string }) => item.date_published),
      ["2023-09-28T00:00:00Z", "2021-05-18T00:00:00Z"],
    );
  });

  it("should write a sitemap, robots.txt and a JSON index of every article", async () => {
    const locations = parse(await read("sitemap.xml"))
      .querySelectorAll("loc")
      .map((loc) => loc.textContent);
    for (const path of ["", "timeline/", "2021/", "2021/05/", URL_000.slice(1), URL_003.slice(1)])
      assert.ok(locations.includes(`${BASE}${PREFIX}${path}`), path);
    assert.match(await read("robots.txt"), new RegExp(`^Sitemap: ${BASE}${PREFIX}sitemap.xml$`, "m"));
    const index = JSON.parse(await read("api/articles.json"));
    assert.deepEqual(
      index.articles.map((a: { id: string; date: string; dateline: string | null }) => [a.id, a.date, a.dateline]),
      [
        ["000_dc7d486012497c1e", "2021-05-18", null],
        ["003_b53226ca2d09075e", "2023-09-28", "WASHINGTON"],
      ],
    );
  });

  it("should offer a citation in APA, MLA and BibTeX with the permanent address", async () => {
    const article = parse(await read("articles/000_dc7d486012497c1e/index.html"));
    const cite = article.querySelector(".cite")?.textContent ?? "";
    const permalink = `${BASE}${PREFIX}articles/000_dc7d486012497c1e/`;
    assert.match(cite, new RegExp(`\\(2021, May 18\\)\\. Press Archive\\. ${permalink.replace(/[./]/g, "\\$&")}`));
    assert.match(cite, /Press Archive, 18 May 2021, /);
    assert.match(cite, /@article\{000_dc7d486012497c1e,/);
    assert.match(cite, /date = \{2021-05-18\}/);
  });

  it("should state the content security policy in every page and in _headers", async () => {
    const headers = await read("_headers");
    assert.match(headers, /^\/press\/\*\n {2}Content-Security-Policy: default-src 'self';.*script-src 'self';.*frame-ancestors 'none'/m);
    assert.match(headers, /^\/press\/search\/\*\n {2}Content-Security-Policy: .*'wasm-unsafe-eval'/m);
    for (const { file, html } of await htmlPages(outDir)) {
      if (file.startsWith("pagefind/")) continue;
      const policy = parse(html).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
      assert.match(policy, /script-src 'self'/, file);
    }
  });

  it("should show word count and reading time", async () => {
    const article = parse(await read("articles/000_dc7d486012497c1e/index.html"));
    assert.equal(article.querySelector(".reading")?.textContent, `${report.archive.articles[0]?.words} words, 2 min read`);
  });

  it("should keep every page small", async () => {
    for (const { file, html } of await htmlPages(outDir)) assert.ok(html.length < 250 * 1024, `${file} is ${html.length} bytes`);
  });
});
