// The dev server rebuilds in place: pages the last rebuild did not write
// (a deleted article's) are removed, and nothing else is.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { removeStalePages } from "../../src/render/stalePages.ts";
import { listFiles } from "../support/siteFiles.ts";

async function site(files: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "clippings-stale-"));
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), file);
  }
  return dir;
}

describe("stale pages", () => {
  it("should remove the pages a rebuild did not write, with the folders they leave empty, and nothing else", async () => {
    const dir = await site([
      "index.html",
      "articles/kept/index.html",
      "articles/deleted/index.html",
      "2021/index.html",
      "2021/05/index.html",
      "people/gone/index.html",
      "feed.xml",
      "404.html",
      "assets/site.css",
      "pagefind/2021/index.html",
      "pagefind/pagefind.js",
    ]);
    const written = ["index.html", "articles/kept/index.html", "2021/index.html"].map((file) => join(dir, file));
    assert.deepEqual(removeStalePages(dir, written), ["2021/05/index.html", "articles/deleted/index.html", "people/gone/index.html"]);
    assert.deepEqual((await listFiles(dir)).sort(), [
      "2021/index.html",
      "404.html",
      "articles/kept/index.html",
      "assets/site.css",
      "feed.xml",
      "index.html",
      "pagefind/2021/index.html",
      "pagefind/pagefind.js",
    ]);
    assert.ok(!existsSync(join(dir, "articles", "deleted")) && !existsSync(join(dir, "people")) && !existsSync(join(dir, "2021", "05")));
    assert.ok(existsSync(join(dir, "articles")));
  });

  it("should remove nothing when the rebuild wrote every page", async () => {
    const dir = await site(["index.html", "articles/a/index.html"]);
    assert.deepEqual(removeStalePages(dir, [join(dir, "index.html"), join(dir, "articles", "a", "index.html")]), []);
    assert.deepEqual((await listFiles(dir)).sort(), ["articles/a/index.html", "index.html"]);
  });
});
