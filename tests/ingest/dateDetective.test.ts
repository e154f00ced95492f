import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { examineDate, findDateConflict } from "../../src/ingest/dateDetective.ts";

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

describe("examineDate", () => {
  const none = { explicit: [], relative: [] };

  it("should report a weekday that does not match its date, with the line", () => {
    const found = { explicit: [{ date: "2021-05-19", text: "Tuesday, May 19, 2021", line: 7, writtenWeekday: 2 }], relative: [] };
    const { diagnostics } = examineDate("a.txt", "2021-05-19", 1, found, "2026-01-01");
    assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [["WEEKDAY_MISMATCH", 7]]);
    assert.match(diagnostics[0]?.message ?? "", /2021-05-19 was a Wednesday/);
  });

  it("should accept a weekday that matches", () => {
    const found = { explicit: [{ date: "2021-05-18", text: "Tuesday, May 18, 2021", line: 7, writtenWeekday: 2 }], relative: [] };
    assert.deepEqual(examineDate("a.txt", "2021-05-18", 1, found, "2026-01-01").diagnostics, []);
  });

  it("should report a date after the build date", () => {
    const { diagnostics } = examineDate("a.txt", "2031-05-18", 2, none, "2026-01-01");
    assert.deepEqual(diagnostics.map((d) => [d.code, d.level, d.line]), [["FUTURE_DATE", "warning", 2]]);
  });

  it("should quote the evidence of a conflict, relative references included", () => {
    const found = {
      explicit: [
        { date: "2021-05-18", text: "May 18, 2021", line: 9, writtenWeekday: null },
        { date: "2021-05-19", text: "May 19, 2021", line: 13, writtenWeekday: null },
      ],
      relative: [{ date: "2023-09-27", text: "on Wednesday", line: 3 }],
    };
    const { conflict, diagnostics } = examineDate("003.txt", "2023-09-28", 1, found, "2026-01-01");
    assert.equal(conflict?.suggestedDate, "2021-05-19");
    assert.equal(diagnostics[0]?.code, "DATE_CONFLICT");
    assert.match(diagnostics[0]?.message ?? "", /“May 18, 2021” \(line 9\), “May 19, 2021” \(line 13\)/);
    assert.match(diagnostics[0]?.message ?? "", /“on Wednesday” = 2023-09-27 \(line 3\)/);
  });
});
