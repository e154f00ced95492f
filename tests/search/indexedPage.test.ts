// Pagefind is handed an article page's indexed part alone (indexedPage.ts):
// that must give the index the whole page gives, file for file.
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import * as pagefind from "pagefind";
import { buildSite } from "../../src/build.ts";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { readPlan } from "../../src/search/indexArticles.ts";
import { indexedPage, indexedPart } from "../../src/search/indexedPage.ts";
import { filterMarkup } from "../../src/search/pageFilters.ts";

const FIXTURE_DIR = join(PROJECT_ROOT, "tests", "fixtures", "search");

/** Every file of an index of `pages` (URL → HTML), by path. */
async function indexOf(pages: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const { index } = await pagefind.createIndex({ forceLanguage: "en" });
  assert.ok(index);
  for (const [url, content] of pages) {
    const added = await index.addHTMLFile({ url, content });
    assert.deepEqual(added.errors, []);
  }
  const { files, errors } = await index.getFiles();
  assert.deepEqual(errors, []);
  await index.deleteIndex();
  return new Map(files.map((file) => [file.path, Buffer.from(file.content).toString("base64")]));
}

describe("the page Pagefind indexes", () => {
  after(() => pagefind.close());

  it("should give the same index as the whole page with its filters", async () => {
    const siteDir = await mkdtemp(join(tmpdir(), "clippings-indexed-page-"));
    await buildSite({ seedsDir: FIXTURE_DIR, outDir: siteDir, searchIndex: false });
    const [shard] = await readPlan(siteDir);
    assert.ok(shard !== undefined && shard.urls.length > 3);
    const whole = new Map<string, string>();
    const trimmed = new Map<string, string>();
    for (const url of shard.urls) {
      const html = await readFile(join(siteDir, url, "index.html"), "utf8");
      const markup = filterMarkup(shard.filters[url] ?? []);
      assert.ok(markup.length > 0);
      whole.set(url, html.replace("</body>", `${markup}</body>`));
      trimmed.set(url, indexedPage(html, markup));
      assert.ok((trimmed.get(url) ?? "").length < html.length / 2, `${url}: the page is not trimmed`);
    }
    assert.deepEqual(await indexOf(trimmed), await indexOf(whole));
  });

  it("should keep a page without an indexed part whole, filters before its end", () => {
    const page = "<html><body><p>x</p></body></html>";
    assert.equal(indexedPart(page), page);
    assert.equal(indexedPage(page, "<span></span>"), "<html><body><p>x</p><span></span></body></html>");
    assert.equal(indexedPage("<p>x</p>", "<span></span>"), "<p>x</p><span></span>");
  });

  it("should take the element from its opening tag to its end", () => {
    const page = "<html><body><nav>n</nav><article data-pagefind-body><h1>T</h1></article><footer>f</footer></body></html>";
    assert.equal(indexedPart(page), "<article data-pagefind-body><h1>T</h1></article>");
  });
});
