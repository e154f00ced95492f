import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Archive, ArchivedArticle } from "../../src/archive/archive.ts";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { checkPlannedUrls, checkWrittenPaths, OutputPathError } from "../../src/render/outputPaths.ts";
import { makeArticle } from "../support/articles.ts";

function withUrl(archive: Archive, url: string): Archive {
  const [first, ...rest] = archive.articles as ArchivedArticle[];
  return { ...archive, articles: [{ ...(first as ArchivedArticle), url }, ...rest] };
}

describe("output paths", () => {
  const archive = buildArchive([makeArticle("a", "2021-05-18"), makeArticle("b", "2021-05-19")], { today: "2024-01-01" });

  it("should accept the pages of an ordinary archive", () => {
    assert.doesNotThrow(() => checkPlannedUrls(archive));
  });

  it("should refuse addresses that leave the site, are reserved, or collide", () => {
    for (const url of ["/articles/../../etc/", "/../x/", "/search/", "/pagefind/x/", "/", "/articles/A B/", "/articles/b/"]) {
      assert.throws(() => checkPlannedUrls(withUrl(archive, url)), OutputPathError, url);
    }
  });

  it("should refuse a written file outside the output folder", () => {
    assert.doesNotThrow(() => checkWrittenPaths("/tmp/site", ["/tmp/site/index.html", "/tmp/site/a/index.html"]));
    assert.throws(() => checkWrittenPaths("/tmp/site", ["/tmp/site/../elsewhere/index.html"]), OutputPathError);
    assert.throws(() => checkWrittenPaths("/tmp/site", ["/tmp/site-other/index.html"]), OutputPathError);
  });
});
