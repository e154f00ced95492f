import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findTextDates } from "../../src/ingest/textDates.ts";

describe("findTextDates", () => {
  it("should find full dates in any written form, with their lines", () => {
    const { explicit } = findTextDates(
      [
        { text: "Smoke rises in Gaza City on May 18, 2021.", line: 3 },
        { text: "A briefing in Tel Aviv on Tuesday, May 19, 2021, and again on 18 May 2021.", line: 5 },
      ],
      "2021-05-20",
    );
    assert.deepEqual(
      explicit.map((d) => [d.date, d.line, d.writtenWeekday]),
      [
        ["2021-05-18", 3, null],
        ["2021-05-19", 5, 2],
        ["2021-05-18", 5, null],
      ],
    );
  });

  it("should not count partial dates or years alone as explicit", () => {
    const { explicit } = findTextDates([{ text: "In Jerusalem on May 7, clashes; the war of 2014.", line: 1 }], "2021-05-20");
    assert.deepEqual(explicit, []);
  });

  it("should read relative references against the stated date, weekdays in the past", () => {
    const { relative } = findTextDates([{ text: "He called yesterday and again on Wednesday.", line: 4 }], "2023-09-28");
    assert.deepEqual(
      relative.map((d) => [d.text, d.date]),
      [
        ["yesterday", "2023-09-27"],
        ["on Wednesday", "2023-09-27"],
      ],
    );
  });

  it("should read a bare weekday on the stated day itself as that day", () => {
    const { relative } = findTextDates([{ text: "Talks resumed on Thursday.", line: 1 }], "2023-09-28");
    assert.deepEqual(
      relative.map((d) => d.date),
      ["2023-09-28"],
    );
  });

  it("should ignore ambiguous numeric dates unless an order is set", () => {
    const blocks = [{ text: "The vote was on 03/04/2021.", line: 1 }];
    assert.deepEqual(findTextDates(blocks, "2021-05-01").explicit, []);
    assert.deepEqual(
      findTextDates(blocks, "2021-05-01", "day-first").explicit.map((d) => d.date),
      ["2021-04-03"],
    );
    assert.deepEqual(
      findTextDates(blocks, "2021-05-01", "month-first").explicit.map((d) => d.date),
      ["2021-03-04"],
    );
  });
});
