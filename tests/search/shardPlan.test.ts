import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { planShards } from "../../src/search/shardPlan.ts";

const article = (url: string, date: string | null) => ({ url: `/articles/${url}/`, date, dateline: null, facets: [] });
/** `count` articles dated in `month` (YYYY-MM). */
const many = (prefix: string, month: string, count: number) =>
  Array.from({ length: count }, (_, n) => article(`${prefix}-${n}`, `${month}-${String((n % 28) + 1).padStart(2, "0")}`));

describe("search shards", () => {
  it("should put the newest whole days in a head of a quarter of a shard, and pack whole years oldest first behind it", () => {
    const shards = planShards(
      [...many("a", "2019-03", 2), ...many("b", "2020-06", 2), ...many("c", "2021-01", 3), ...many("d", "2022-05", 6)],
      8,
    );
    assert.deepEqual(
      shards.map((shard) => [shard.id, shard.urls.length, shard.span]),
      [
        // A quarter of 8: the newest two days of May 2022.
        ["2022-05-05-2022-05-06", 2, { first: "2022-05-05", last: "2022-05-06" }],
        // What the head leaves of 2022: the span ends where the head begins.
        ["2022", 4, { first: "2022-01-01", last: "2022-05-04" }],
        // Oldest first: 2019 to 2021 fill the first shard, 2022 would overflow it.
        ["2019-2021", 7, { first: "2019-01-01", last: "2021-12-31" }],
      ],
    );
    // The head can be set apart from the shard size.
    assert.deepEqual(
      planShards(many("d", "2022-05", 6), 8, 5).map((shard) => [shard.id, shard.urls.length]),
      [
        ["2022-05-02-2022-05-06", 5],
        ["2022", 1],
      ],
    );
  });

  it("should hold the whole archive in the head when it fits", () => {
    const shards = planShards([...many("a", "2021-05", 2), article("undated", null)]);
    assert.deepEqual(
      shards.map((shard) => [shard.id, shard.urls.length, shard.span]),
      [["2021-05-01-2021-05-02", 3, { first: "2021-05-01", last: "2021-05-02" }]],
    );
  });

  it("should change only the head and the shard behind it when the archive grows at its newest end", () => {
    const archive = [...many("a", "2018-02", 5), ...many("b", "2019-04", 4), ...many("c", "2020-06", 5), ...many("d", "2021-09", 6)];
    const before = planShards(archive, 8);
    const after = planShards([...archive, article("new", "2021-10-01"), article("newer", "2021-10-02")], 8);
    const changed = after.filter((shard) => !before.some((old) => old.id === shard.id && old.urls.join() === shard.urls.join()));
    assert.ok(after.length >= 3);
    assert.deepEqual(
      changed.map((shard) => shard.id),
      after.slice(0, 2).map((shard) => shard.id),
    );
  });

  it("should split a year too large for a shard into runs of whole months", () => {
    const shards = planShards([...many("a", "2020-01", 3), ...many("b", "2020-02", 2), ...many("c", "2020-07", 2)], 4);
    assert.deepEqual(
      shards.map((shard) => [shard.id, shard.urls.length]),
      [
        ["2020-07-02", 1],
        ["2020-02-2020-07", 3],
        ["2020-01", 3],
      ],
    );
  });

  it("should split a month larger than a shard into runs of whole days, and keep a day whole", () => {
    const shards = planShards([...many("a", "2024-02", 7), ...many("b", "2024-01", 1)], 3);
    assert.deepEqual(
      shards.map((shard) => [shard.id, shard.urls.length, shard.span]),
      [
        ["2024-02-07", 1, { first: "2024-02-07", last: "2024-02-07" }],
        ["2024-02-06", 1, { first: "2024-02-06", last: "2024-02-06" }],
        ["2024-02-03-2024-02-05", 3, { first: "2024-02-03", last: "2024-02-05" }],
        ["2024-01-2024-02-02", 3, { first: "2024-01-01", last: "2024-02-02" }],
      ],
    );
    const sameDay = Array.from({ length: 5 }, (_, n) => article(`d${n}`, "2023-02-14"));
    assert.deepEqual(
      planShards([...sameDay, ...many("c", "2023-02", 1)], 3).map((shard) => [shard.id, shard.urls.length, shard.span]),
      [
        ["2023-02-14", 5, { first: "2023-02-14", last: "2023-02-14" }],
        ["2023", 1, { first: "2023-01-01", last: "2023-02-13" }],
      ],
    );
  });

  it("should put undated articles in the oldest shard", () => {
    const shards = planShards([article("undated", null), ...many("a", "2020-01", 2), ...many("b", "2021-03", 1)], 2);
    assert.deepEqual(
      shards.map((shard) => [shard.id, shard.urls.length]),
      [
        ["2021-03-01", 1],
        ["2020", 3],
      ],
    );
    assert.ok(shards[1]?.urls.includes("/articles/undated/"));
    assert.deepEqual(
      planShards([article("x", null)], 3).map((shard) => [shard.id, shard.span, shard.urls]),
      [["undated", null, ["/articles/x/"]]],
    );
  });

  it("should carry the search filters of each of its pages", () => {
    const [shard] = planShards([
      { ...article("a", "2021-05-18"), dateline: "GENEVA", facets: [{ filter: "person", value: "Joe Biden" }] },
      article("b", null),
    ]);
    assert.deepEqual(shard?.filters, {
      "/articles/a/": ["year:2021", "month:2021-05", "dateline:GENEVA", "person:Joe Biden"],
      "/articles/b/": ["year:undated"],
    });
  });

  it("should put every article in exactly one shard, in shards that never overlap in time", () => {
    const dates = fc.option(
      fc
        .record({
          year: fc.integer({ min: 1990, max: 2030 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
        })
        .map(({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`),
      { freq: 10 },
    );
    fc.assert(
      fc.property(fc.array(dates, { maxLength: 120 }), fc.integer({ min: 1, max: 40 }), (articleDates, size) => {
        const articles = articleDates.map((date, n) => article(String(n), date));
        const shards = planShards(articles, size);
        const head = shards[0]?.urls.filter((url) => articles.find((a) => a.url === url)?.date !== null) ?? [];
        if (head.length > Math.max(1, Math.floor(size / 4)))
          assert.equal(new Set(head.map((url) => articles.find((a) => a.url === url)?.date)).size, 1, "a head over its size is one day");
        const placed = shards.flatMap((shard) => shard.urls);
        assert.deepEqual([...placed].sort(), articles.map((a) => a.url).sort());
        assert.equal(new Set(shards.map((shard) => shard.id)).size, shards.length);
        const spans = shards.flatMap((shard) => (shard.span ? [shard.span] : []));
        for (let n = 1; n < spans.length; n++) assert.ok((spans[n]?.last ?? "") < (spans[n - 1]?.first ?? ""), "newest first, apart");
        for (const shard of shards) {
          const dated = articles.filter((a) => shard.urls.includes(a.url) && a.date !== null);
          // Over the size only when one day alone is.
          if (dated.length > size) assert.equal(new Set(dated.map((a) => a.date)).size, 1);
          for (const a of dated) assert.ok(shard.span && a.date && a.date >= shard.span.first && a.date <= shard.span.last);
        }
      }),
    );
  });
});
