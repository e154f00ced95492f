import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BodyBlock } from "../../src/article.ts";
import type { RelatedArticle } from "../../src/archive/archive.ts";
import { articleExtras, EXTRAS_BY_LENGTH, extrasLimits, textBytes } from "../../src/archive/articleExtras.ts";
import type { AttributedQuote, EntityRef } from "../../src/archive/entityPages.ts";

const entities: EntityRef[] = Array.from({ length: 12 }, (_, n) => ({ key: `e${n}`, name: `Entity ${n}`, kind: "person", url: null }));
const quotes: AttributedQuote[] = Array.from({ length: 4 }, (_, n) => ({
  text: `Quote ${n}`,
  speaker: "Jen Psaki",
  speakerKey: null,
  line: n + 1,
  speakerUrl: null,
}));
const related: RelatedArticle[] = Array.from({ length: 5 }, (_, n) => ({
  id: `r${n}`,
  url: `/articles/r${n}/`,
  title: `Related ${n}`,
  date: "2021-05-18",
  score: 1 - n / 10,
  nearDuplicate: n < 2,
}));
const paragraphs = (bytes: number): BodyBlock[] => [{ kind: "paragraph", text: "x".repeat(bytes), line: 1 }];

describe("articleExtras", () => {
  it("should count the text's bytes, captions and credits included", () => {
    assert.equal(
      textBytes([
        { kind: "paragraph", text: "Zoë", line: 1 },
        { kind: "figure", caption: "A caption", credit: "AP", line: 2 },
      ]),
      4 + 9 + 2,
    );
  });

  it("should list ten entities, three quotations and five related articles after an article of usual length", () => {
    const extras = articleExtras({ body: paragraphs(5_000), entities, quotes, related });
    assert.equal(extras.entities.length, 10);
    assert.equal(extras.moreEntities, 2);
    assert.deepEqual(
      extras.quotes.map((quote) => quote.text),
      ["Quote 0", "Quote 1", "Quote 2"],
    );
    assert.equal(extras.moreQuotes, 1);
    assert.deepEqual(
      extras.copies.map((other) => other.id),
      ["r0", "r1"],
    );
    assert.deepEqual(
      extras.related.map((other) => other.id),
      ["r2", "r3", "r4"],
    );
  });

  it("should list fewer the longer the article, the most similar related first", () => {
    const long = articleExtras({ body: paragraphs(20_000), entities, quotes, related });
    assert.deepEqual([long.entities.length, long.moreEntities, long.quotes.length, long.moreQuotes], [5, 7, 1, 3]);
    assert.deepEqual(
      [...long.copies, ...long.related].map((other) => other.id),
      ["r0", "r1", "r2"],
    );
    const longest = articleExtras({ body: paragraphs(23_000), entities, quotes, related });
    assert.deepEqual([longest.entities.length, longest.quotes.length, longest.copies.length, longest.related.length], [2, 1, 1, 0]);
  });

  it("should never list fewer for a shorter article", () => {
    for (let bytes = 0; bytes < 30_000; bytes += 500) {
      const shorter = extrasLimits(bytes);
      const longer = extrasLimits(bytes + 500);
      assert.ok(
        longer.entities <= shorter.entities && longer.quotes <= shorter.quotes && longer.related <= shorter.related,
        `${bytes} bytes`,
      );
    }
    assert.equal(EXTRAS_BY_LENGTH.at(-1)?.textBytes, 0, "every length has limits");
  });

  it("should count nothing more when everything is listed", () => {
    const extras = articleExtras({ body: paragraphs(100), entities: entities.slice(0, 3), quotes: [], related: [] });
    assert.deepEqual([extras.entities.length, extras.moreEntities, extras.moreQuotes], [3, 0, 0]);
  });
});
