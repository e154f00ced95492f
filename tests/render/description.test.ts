import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleDescription, MAX_DESCRIPTION } from "../../src/render/description.ts";

const lead =
  "Democrats faced a challenging path to holding their Senate majority even before President Joe Biden stepped aside from the 2024 campaign – and they likely still do with Vice President Kamala Harris as their presumptive nominee.";

describe("articleDescription", () => {
  it("should keep a short lead whole", () => {
    assert.equal(articleDescription({ summary: null, lead: "Talks resumed on Tuesday." }), "Talks resumed on Tuesday.");
  });

  it("should prefer the front matter summary", () => {
    assert.equal(articleDescription({ summary: "A summary.", lead }), "A summary.");
  });

  it("should cut a long one at a word, with an ellipsis, within the limit", () => {
    const description = articleDescription({ summary: null, lead });
    assert.equal(
      description,
      "Democrats faced a challenging path to holding their Senate majority even before President Joe Biden stepped aside from the 2024 campaign – and they likely…",
    );
    assert.ok([...description].length <= MAX_DESCRIPTION);
  });

  it("should count characters, not UTF-16 units, and never split one", () => {
    const description = articleDescription({ summary: "🗞️ ".repeat(100), lead });
    assert.ok([...description].length <= MAX_DESCRIPTION);
    assert.doesNotMatch(description, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/, "no lone surrogate");
  });
});
