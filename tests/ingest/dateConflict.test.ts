import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDateConflict } from "../../src/ingest/dateConflict.ts";

describe("findDateConflict", () => {
  it("should report agreeing text dates far from the stated date, suggesting the latest", () => {
    assert.deepEqual(findDateConflict("2023-09-28", ["2021-05-18", "2021-05-19"]), {
      statedDate: "2023-09-28",
      textDates: ["2021-05-18", "2021-05-19"],
      suggestedDate: "2021-05-19",
    });
  });

  it("should accept a stated date that a text date confirms", () => {
    assert.equal(findDateConflict("2021-05-20", ["2021-05-18", "2021-05-19"]), null);
  });

  it("should not judge on a single date, which may be a recalled event", () => {
    assert.equal(findDateConflict("2023-09-28", ["2001-09-11"]), null);
  });

  it("should not report text dates that disagree with each other", () => {
    assert.equal(findDateConflict("2023-09-28", ["2001-09-11", "2014-07-08"]), null);
  });
});
