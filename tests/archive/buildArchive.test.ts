import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { makeArticle } from "../support/articles.ts";

describe("buildArchive", () => {
  const archive = buildArchive(
    [
      makeArticle("c", "2023-09-28"),
      makeArticle("undated", null),
      makeArticle("b", "2021-05-18"),
      makeArticle("a", "2021-05-18"),
      makeArticle("d", "2021-06-02"),
      makeArticle("e", "2020-05-18"),
    ],
    { today: "2023-05-18" },
  );

  it("should order articles by date, then id, undated last", () => {
    assert.deepEqual(
      archive.articles.map((a) => a.id),
      ["e", "a", "b", "d", "c", "undated"],
    );
  });

  it("should link each article to its neighbours in time", () => {
    const [e, a, b] = archive.articles;
    assert.equal(e?.previous, null);
    assert.equal(a?.previous?.id, "e");
    assert.deepEqual(a?.next, { id: "b", url: "/articles/b/", title: "Title b", date: "2021-05-18" });
    assert.equal(b?.previous?.id, "a");
    assert.equal(archive.articles.at(-1)?.next, null);
    assert.equal(b?.url, "/articles/b/");
  });

  it("should group dated articles by year and month", () => {
    assert.deepEqual(
      archive.years.map((year) => ({
        year: year.year,
        count: year.count,
        months: year.months.map((m) => [m.month, m.articles.map((a) => a.id)]),
      })),
      [
        { year: "2020", count: 1, months: [["2020-05", ["e"]]] },
        {
          year: "2021",
          count: 3,
          months: [
            ["2021-05", ["a", "b"]],
            ["2021-06", ["d"]],
          ],
        },
        { year: "2023", count: 1, months: [["2023-09", ["c"]]] },
      ],
    );
    assert.deepEqual(
      archive.undated.map((a) => a.id),
      ["undated"],
    );
  });

  it("should know the date span and the newest articles", () => {
    assert.deepEqual(archive.span, { first: "2020-05-18", last: "2023-09-28" });
    assert.deepEqual(
      archive.latest.map((a) => a.id),
      ["c", "d", "b", "a", "e"],
    );
  });

  it("should find articles of today's calendar day in other years, newest year first", () => {
    assert.deepEqual(
      archive.onThisDay.map((group) => [group.year, group.articles.map((a) => a.id)]),
      [
        ["2021", ["a", "b"]],
        ["2020", ["e"]],
      ],
    );
    assert.deepEqual(buildArchive([makeArticle("x", "2021-05-18")], { today: "2021-05-18" }).onThisDay, [], "not the same year");
  });

  it("should make a page per year and per month", () => {
    assert.deepEqual(
      archive.periodPages.map((p) => p.url),
      ["/2020/", "/2021/", "/2023/", "/2020/05/", "/2021/05/", "/2021/06/", "/2023/09/"],
    );
  });

  it("should have no span when nothing is dated", () => {
    assert.equal(buildArchive([makeArticle("x", null)], { today: "2023-05-18" }).span, null);
  });
});
