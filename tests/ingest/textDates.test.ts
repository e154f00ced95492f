import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findTextDates } from "../../src/ingest/textDates.ts";

describe("findTextDates", () => {
  it("should find full dates in any written form, distinct and ascending", () => {
    const dates = findTextDates([
      "Smoke rises in Gaza City on May 18, 2021.",
      "A briefing in Tel Aviv on May 19, 2021, and again on 18 May 2021.",
    ]);
    assert.deepEqual(dates, ["2021-05-18", "2021-05-19"]);
  });

  it("should not count partial dates or years alone", () => {
    assert.deepEqual(findTextDates(["In Jerusalem on May 7, clashes; the war of 2014; on Monday."]), []);
  });
});
