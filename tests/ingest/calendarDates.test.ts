import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isoDate, monthNumber } from "../../src/ingest/calendarDates.ts";

describe("isoDate", () => {
  it("should write a real day as YYYY-MM-DD", () => {
    assert.equal(isoDate(2021, 5, 18), "2021-05-18");
  });
  it("should reject days that do not exist instead of rolling over", () => {
    assert.equal(isoDate(2021, 2, 30), null);
    assert.equal(isoDate(2021, 13, 1), null);
    assert.equal(isoDate(2023, 2, 29), null);
    assert.equal(isoDate(2024, 2, 29), "2024-02-29");
  });
});

describe("monthNumber", () => {
  it("should read full names, abbreviations and Sept.", () => {
    assert.equal(monthNumber("September"), 9);
    assert.equal(monthNumber("Sept."), 9);
    assert.equal(monthNumber("may"), 5);
    assert.equal(monthNumber("Dec"), 12);
  });
  it("should return null for a word that is no month", () => {
    assert.equal(monthNumber("Monday"), null);
  });
});
