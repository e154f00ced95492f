import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { calendarMonth, PERIOD_PAGE_SIZE } from "../../src/archive/periods.ts";
import { makeArticle } from "../support/articles.ts";

describe("calendarMonth", () => {
  it("should lay a month out in weeks from Monday, linking days with articles", () => {
    const calendar = calendarMonth("2021-05", new Map([["2021-05-18", 2]]), (date) => `/2021/05/#d${date}`);
    assert.equal(calendar.weeks.length, 6);
    assert.deepEqual(
      calendar.weeks[0]?.slice(0, 6),
      [null, null, null, null, null, { day: 1, date: "2021-05-01", count: 0, href: null }],
      "1 May 2021 was a Saturday",
    );
    const tuesday = calendar.weeks[3]?.[1];
    assert.deepEqual(tuesday, { day: 18, date: "2021-05-18", count: 2, href: "/2021/05/#d2021-05-18" });
    assert.ok(calendar.weeks.every((week) => week.length === 7));
  });
});

describe("period pages", () => {
  const articles = Array.from({ length: PERIOD_PAGE_SIZE + 10 }, (_, index) =>
    makeArticle(`a${String(index).padStart(3, "0")}`, `2021-05-${String(1 + (index % 28)).padStart(2, "0")}`),
  );
  const { periodPages } = buildArchive([...articles, makeArticle("june", "2021-06-01"), makeArticle("old", "2019-01-01")], {
    today: "2024-01-01",
  });
  const may = periodPages.filter((page) => page.period === "2021-05");

  it("should split a long month into pages of bounded size, linked in order", () => {
    assert.deepEqual(
      may.map((page) => [page.url, page.pageNumber, page.pageCount]),
      [
        ["/2021/05/", 1, 2],
        ["/2021/05/page/2/", 2, 2],
      ],
    );
    assert.equal(may[0]?.days.flatMap((day) => day.articles).length, PERIOD_PAGE_SIZE);
    assert.equal(may[0]?.nextPage, "/2021/05/page/2/");
    assert.equal(may[1]?.previousPage, "/2021/05/");
  });

  it("should link calendar days to the page that lists them", () => {
    const days = may[0]?.calendar?.weeks.flat().filter((day) => day?.href) ?? [];
    assert.equal(days.length, 28);
    for (const day of days) {
      const page = may.find((p) => p.days.some((group) => group.date === day?.date));
      assert.ok(day?.href?.startsWith(page?.url ?? "?"), `${day?.date} links to ${day?.href}`);
    }
  });

  it("should link each period to the previous and next period that has articles", () => {
    const year2021 = periodPages.find((page) => page.url === "/2021/");
    assert.deepEqual(year2021?.previousPeriod, { period: "2019", url: "/2019/", count: 1 });
    assert.equal(year2021?.nextPeriod, null);
    assert.deepEqual(
      year2021?.months.map((m) => [m.period, m.count]),
      [
        ["2021-05", PERIOD_PAGE_SIZE + 10],
        ["2021-06", 1],
      ],
    );
    assert.deepEqual(may[0]?.nextPeriod, { period: "2021-06", url: "/2021/06/", count: 1 });
  });
});
