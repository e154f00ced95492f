import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitDateline } from "../../src/ingest/dateline.ts";

describe("splitDateline", () => {
  it("should take the place off the front of the first paragraph", () => {
    assert.deepEqual(splitDateline("WASHINGTON – President Joe Biden told reporters."), {
      dateline: "WASHINGTON",
      text: "President Joe Biden told reporters.",
    });
  });

  it("should drop the agency and accept other dashes", () => {
    assert.deepEqual(splitDateline("GAZA CITY (Reuters) — Smoke rose."), { dateline: "GAZA CITY", text: "Smoke rose." });
    assert.deepEqual(splitDateline("LONDON, England - Rain fell."), { dateline: "LONDON, England", text: "Rain fell." });
  });

  it("should leave an ordinary sentence with a dash alone", () => {
    const text = "Biden – who spoke on Monday – said little.";
    assert.deepEqual(splitDateline(text), { dateline: null, text });
    assert.deepEqual(splitDateline("US officials say – quietly – more."), { dateline: null, text: "US officials say – quietly – more." });
  });
});
