import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { examineDate, findDateConflict } from "../../src/ingest/dateDetective.ts";

const mention = (date: string, line: number, inCaption = false) => ({ date, text: date, line, writtenWeekday: null, inCaption });

describe("findDateConflict", () => {
  it("should report far-off text dates dated in photo captions, suggesting the latest", () => {
    assert.deepEqual(findDateConflict("2023-09-28", [mention("2021-05-19", 13, true), mention("2021-05-18", 31, true)]), {
      statedDate: "2023-09-28",
      textDates: ["2021-05-18", "2021-05-19"],
      suggestedDate: "2021-05-19",
    });
  });

  it("should report far-off dates mentioned three times even without captions", () => {
    const found = [mention("2021-05-18", 3), mention("2021-05-19", 5), mention("2021-05-18", 9)];
    assert.equal(findDateConflict("2023-09-28", found)?.suggestedDate, "2021-05-19");
  });

  it("should not judge two passing mentions, which may be a look back", () => {
    assert.equal(findDateConflict("2024-07-19", [mention("2023-11-16", 3), mention("2023-11-24", 5)]), null);
  });

  it("should accept a retrospective whose relative references land near its dates", () => {
    const found = [mention("2023-07-09", 9), mention("2023-07-11", 23), mention("2023-07-09", 25)];
    const lastYear = [{ date: "2023-07-18", text: "last year", line: 30 }];
    assert.equal(findDateConflict("2024-07-18", found, lastYear), null);
  });

  it("should accept a stated date that a text date confirms", () => {
    assert.equal(findDateConflict("2021-05-20", [mention("2021-05-18", 1, true), mention("2021-05-19", 2, true)]), null);
  });

  it("should not report text dates that disagree with each other", () => {
    assert.equal(findDateConflict("2023-09-28", [mention("2001-09-11", 1, true), mention("2014-07-08", 2, true)]), null);
  });
});

describe("examineDate", () => {
  const none = { explicit: [], relative: [] };

  it("should report a weekday that does not match its date, with the line", () => {
    const found = {
      explicit: [{ date: "2021-05-19", text: "Tuesday, May 19, 2021", line: 7, writtenWeekday: 2, inCaption: false }],
      relative: [],
    };
    const { diagnostics } = examineDate("a.txt", "2021-05-19", 1, found, "2026-01-01");
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line]),
      [["WEEKDAY_MISMATCH", 7]],
    );
    assert.match(diagnostics[0]?.message ?? "", /2021-05-19 was a Wednesday/);
  });

  it("should accept a weekday that matches", () => {
    const found = {
      explicit: [{ date: "2021-05-18", text: "Tuesday, May 18, 2021", line: 7, writtenWeekday: 2, inCaption: false }],
      relative: [],
    };
    assert.deepEqual(examineDate("a.txt", "2021-05-18", 1, found, "2026-01-01").diagnostics, []);
  });

  it("should report a date after the build date", () => {
    const { diagnostics } = examineDate("a.txt", "2031-05-18", 2, none, "2026-01-01");
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.level, d.line]),
      [["FUTURE_DATE", "warning", 2]],
    );
  });

  it("should quote the evidence of a conflict, relative references included", () => {
    const found = {
      explicit: [
        { date: "2021-05-18", text: "May 18, 2021", line: 9, writtenWeekday: null, inCaption: true },
        { date: "2021-05-19", text: "May 19, 2021", line: 13, writtenWeekday: null, inCaption: true },
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
