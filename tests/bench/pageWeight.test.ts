import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ARTICLE_PAGE_BUDGET, articlePageWeights, overBudget, pageParts } from "../../src/bench/pageWeight.ts";

const page = (body: string, head = "") =>
  `<!DOCTYPE html><html><head>${head}<link rel="stylesheet" href="/assets/site.css"><script type="application/ld+json">{}</script></head>` +
  `<body><main><article><div class="article-body">${body}</div></article></main></body></html>`;

describe("pageParts", () => {
  it("should list the stylesheets and the scripts that run, not JSON-LD", () => {
    const parts = pageParts(
      page("<p>x</p>", '<link rel="preload stylesheet" href="/a.css"><script src="/h.js"></script><script>1</script>'),
    );
    assert.deepEqual(parts.stylesheets, ["/a.css", "/assets/site.css"]);
    assert.deepEqual(parts.scripts, ["/h.js", "inline"]);
  });

  it("should count the article text in UTF-8 bytes, tags included", () => {
    assert.equal(pageParts(page("<p>é–</p>")).bodyBytes, '<div class="article-body"><p>é–</p></div>'.length + 1 + 2);
    assert.equal(pageParts("<p>no article</p>").bodyBytes, 0);
  });
});

describe("articlePageWeights", () => {
  let site = "";
  before(async () => {
    site = await mkdtemp(join(tmpdir(), "bench-weight-"));
    await mkdir(join(site, "articles", "small"), { recursive: true });
    await mkdir(join(site, "articles", "large"), { recursive: true });
    await mkdir(join(site, "assets"));
    await writeFile(join(site, "assets", "site.css"), "x".repeat(1000));
    await writeFile(join(site, "articles", "small", "index.html"), page("<p>short</p>"));
    await writeFile(join(site, "articles", "large", "index.html"), page(`<p>${"long ".repeat(6000)}</p>`, '<script src="/x.js"></script>'));
  });
  after(() => rm(site, { recursive: true, force: true }));

  it("should weigh each page with its stylesheets, heaviest first", async () => {
    const weights = await articlePageWeights(site);
    assert.deepEqual(
      weights.map((weight) => weight.page),
      ["/articles/large/", "/articles/small/"],
    );
    const [large, small] = weights;
    assert.equal(small?.cssBytes, 1000);
    assert.equal(small?.totalBytes, (small?.htmlBytes ?? 0) + 1000);
    assert.ok((large?.totalBytes ?? 0) > ARTICLE_PAGE_BUDGET);
  });

  it("should name a page over the budget or with another script, and pass the others", async () => {
    const problems = (await articlePageWeights(site)).map(overBudget);
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? "", /^\/articles\/large\/: \d+ bytes .*> 30720; scripts besides the highlight: \/x\.js$/);
    assert.equal(problems[1], null);
  });
});

describe("articlePageWeights under a path prefix", () => {
  let site = "";
  before(async () => {
    site = await mkdtemp(join(tmpdir(), "bench-weight-prefix-"));
    await mkdir(join(site, "articles", "a"), { recursive: true });
    await mkdir(join(site, "assets"));
    await writeFile(join(site, "assets", "site.css"), "x".repeat(10));
    await writeFile(join(site, "articles", "a", "index.html"), page("<p>a</p>").replace("/assets/", "/press/assets/"));
  });
  after(() => rm(site, { recursive: true, force: true }));

  it("should find the stylesheets the links name without the prefix", async () => {
    const weights = await articlePageWeights(site, "/press/");
    assert.deepEqual(
      weights.map((weight) => [weight.page, weight.cssBytes]),
      [["/press/articles/a/", 10]],
    );
  });
});
