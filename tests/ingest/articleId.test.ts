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
  it("should cut long names, keeping names that share a beginning apart", () => {
    const base = "latest_2024-07-17_flood_emergency_hits_arkansas_after_months_of_rain_falls_in_a_";
    const one = slugify(`${base}single_day.md`);
    const two = slugify(`${base}week.md`);
    assert.ok(one.length <= 80 && two.length <= 80);
    assert.notEqual(one, two);
    assert.ok(one.startsWith("latest_2024-07-17_flood_emergency"));
  });

  it("should make repeated ids unique in order", () => {
    assert.deepEqual(uniqueIds(["a", "b", "a", "a"]), ["a", "b", "a-2", "a-3"]);
  });
});
