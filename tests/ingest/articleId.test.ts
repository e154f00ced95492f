import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { idFromFileName, slugify, uniqueIds } from "../../src/ingest/articleId.ts";

describe("article ids", () => {
  it("should keep a seed's file name as its id", () => {
    assert.equal(idFromFileName("000_dc7d486012497c1e.txt"), "000_dc7d486012497c1e");
  });
  it("should make any name safe as one URL segment", () => {
    assert.equal(slugify("Gaza – Café talks.md"), "gaza-cafe-talks-md");
    assert.equal(slugify("../../etc/passwd"), "etc-passwd");
    assert.equal(slugify("..."), "article");
  });
  it("should make repeated ids unique in order", () => {
    assert.deepEqual(uniqueIds(["a", "b", "a", "a"]), ["a", "b", "a-2", "a-3"]);
  });
});
