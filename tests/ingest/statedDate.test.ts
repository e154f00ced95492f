import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findStatedDate } from "../../src/ingest/statedDate.ts";

describe("findStatedDate", () => {
  it("should read a labelled date that shares its line with the first paragraph", () => {
    const stated = findStatedDate([" date 2021-05-18 President Joe Biden and aides worked."]);
    assert.deepEqual(stated, {
      date: "2021-05-18",
      line: 1,
      text: "date 2021-05-18",
      rest: "President Joe Biden and aides worked.",
    });
  });

  it("should read a date alone on its line, in the forms newsrooms write", () => {
    const forms: Array<[string, string]> = [
      ["September 28, 2023", "2023-09-28"],
      ["2021-05-18", "2021-05-18"],
      ["18 May 2021", "2021-05-18"],
      ["Tuesday, May 18, 2021", "2021-05-18"],
      ["May 18, 2021 4:05 PM EDT", "2021-05-18"],
      ["Published: Sept. 3, 2021", "2021-09-03"],
    ];
    for (const [line, expected] of forms) assert.equal(findStatedDate([line])?.date, expected, line);
  });

  it("should give the line number of a date below a blank line", () => {
    assert.equal(findStatedDate(["", "", "May 18, 2021", "", "Text."])?.line, 3);
  });

  it("should not take a sentence that merely starts with a date", () => {
    assert.equal(findStatedDate(["May 18, 2021 was the day the talks began."]), null);
  });

  it("should not look past the opening lines", () => {
    const lines = ["One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "May 18, 2021"];
    assert.equal(findStatedDate(lines), null);
  });

  it("should ignore impossible dates", () => {
    assert.equal(findStatedDate(["February 30, 2021"]), null);
  });
});
