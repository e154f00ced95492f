import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDateLine } from "../../src/ingest/statedDateLine.ts";

const dateOf = (line: string) => {
  const read = readDateLine(line);
  return read?.reading.kind === "date" ? read.reading.date : null;
};

describe("readDateLine", () => {
  it("should read a labelled date that shares its line with the first paragraph", () => {
    assert.deepEqual(readDateLine(" date 2021-05-18 President Joe Biden and aides worked."), {
      reading: { kind: "date", date: "2021-05-18" },
      label: "published",
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
      ["Published :`2024-07-16 23:37:19`", "2024-07-16"],
      ["Posted on 2021-05-18T23:30:00-07:00", "2021-05-18"],
    ];
    for (const [line, expected] of forms) assert.equal(dateOf(line), expected, line);
  });

  it("should tell published from updated", () => {
    assert.equal(readDateLine("Updated: May 19, 2021 10:00 AM")?.label, "updated");
    assert.equal(readDateLine("Last updated 2021-05-19")?.label, "updated");
    assert.equal(readDateLine("Published: May 18, 2021")?.label, "published");
    assert.equal(readDateLine("May 18, 2021")?.label, null);
  });

  it("should not take a sentence that merely starts with a date", () => {
    assert.equal(readDateLine("May 18, 2021 was the day the talks began."), null);
    assert.equal(readDateLine("May 18, 2021, was the day."), null);
  });

  it("should report both readings of an ambiguous numeric date, and use a set order", () => {
    assert.deepEqual(readDateLine("03/04/2021")?.reading, { kind: "ambiguous", monthFirst: "2021-03-04", dayFirst: "2021-04-03" });
    assert.deepEqual(readDateLine("03/04/2021", "day-first")?.reading, { kind: "date", date: "2021-04-03" });
    assert.deepEqual(readDateLine("13/04/2021")?.reading, { kind: "date", date: "2021-04-13" }, "only one reading is a real day");
  });

  it("should ignore impossible dates", () => {
    assert.equal(readDateLine("February 30, 2021"), null);
  });
});
