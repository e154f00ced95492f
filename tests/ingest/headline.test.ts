import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deriveHeadline, leadSentence, MAX_DERIVED_HEADLINE } from "../../src/ingest/headline.ts";

describe("leadSentence", () => {
  it("should return the first sentence only", () => {
    assert.equal(leadSentence("It was their fourth call. More followed."), "It was their fourth call.");
  });
});

describe("deriveHeadline", () => {
  it("should keep a short sentence whole, without its full stop", () => {
    assert.equal(deriveHeadline("Biden calls Netanyahu."), "Biden calls Netanyahu");
  });

  it("should cut a long sentence at a word boundary within the limit", () => {
    const sentence = "President Joe Biden and aides worked behind the scenes on Monday pressing for a ceasefire between Israel and Hamas.";
    const headline = deriveHeadline(sentence);
    assert.ok(headline.length <= MAX_DERIVED_HEADLINE, headline);
    assert.ok(headline.endsWith("…"));
    const words = headline.slice(0, -1).split(" ");
    assert.deepEqual(words, sentence.split(" ").slice(0, words.length), "cut mid-word");
  });
});
