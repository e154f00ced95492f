import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  dateLineOf,
  multiplyCorpus,
  seededRandom,
  shiftDate,
  withShiftedDate,
  type SourceArticle,
} from "../../src/bench/corpusMultiplier.ts";
import { idFromFileName } from "../../src/ingest/articleId.ts";

const cnn = (day: number, slug: string): SourceArticle => ({
  name: `latest_2024-07-${day}_${slug}.md`,
  text: `# Story ${slug}\n\nPublished :\`2024-07-${day} 23:37:19\`\n\n---\n\nThe story of ${slug}, on July ${day}, 2024.\n`,
});
// Two long names alike in their first 80 characters, as in the CNN corpus.
const long = "a_very_long_headline_about_the_same_thing_that_goes_on_and_on_past_eighty_characters_";
const sources = [
  cnn(17, "b"),
  cnn(16, "a"),
  cnn(16, `${long}one`),
  cnn(16, `${long}two`),
  { name: "undated.txt", text: "No date here.\n" },
];

describe("multiplyCorpus", () => {
  const corpus = multiplyCorpus(sources, { count: 2_000, seed: 7 });

  it("should make exactly the count asked for, with unique names and unique Clippings ids", () => {
    assert.equal(corpus.length, 2_000);
    assert.equal(new Set(corpus.map((a) => a.name)).size, 2_000);
    assert.equal(new Set(corpus.map((a) => idFromFileName(a.name))).size, 2_000);
  });

  it("should keep the sources first, unchanged, in name order", () => {
    const ordered = [...sources].sort((a, b) => (a.name < b.name ? -1 : 1));
    assert.deepEqual(
      corpus.slice(0, sources.length).map((a) => [a.name, a.text, a.round]),
      ordered.map((s) => [s.name, s.text, 0]),
    );
    assert.deepEqual(
      multiplyCorpus(sources, { count: 2 }).map((a) => a.name),
      ordered.slice(0, 2).map((s) => s.name),
    );
  });

  it("should name copies by round and rewrite only the date of their date line", () => {
    const copy = corpus[sources.length + 1];
    assert.ok(copy);
    assert.equal(copy.round, 1);
    assert.equal(copy.name, `r01_latest_2024-07-16_${long}one.md`);
    assert.match(copy.text, new RegExp(`^Published :\`${copy.date} 23:37:19\`$`, "m"));
    assert.equal(copy.text.replace(/`\d{4}-\d\d-\d\d /, "`2024-07-16 "), sources[2]?.text);
    assert.ok(corpus.every((a) => a.name !== "r01_undated.txt" || (a.date === null && a.text === "No date here.\n")));
  });

  it("should spread the copies' dates over about twenty years, all in the past of the sources", () => {
    const years = new Set(corpus.filter((a) => a.round > 0 && a.date !== null).map((a) => Number(a.date?.slice(0, 4))));
    assert.ok(Math.min(...years) <= 2005, `earliest ${Math.min(...years)}`);
    assert.ok(Math.max(...years) >= 2023, `latest ${Math.max(...years)}`);
    assert.ok(years.size >= 19, `${years.size} years`);
    assert.ok(corpus.every((a) => a.date === null || a.round === 0 || a.date < "2025-02-01"));
  });

  it("should be deterministic, seed by seed, and a smaller corpus a prefix of a larger one", () => {
    assert.deepEqual(multiplyCorpus(sources, { count: 2_000, seed: 7 }), corpus);
    assert.deepEqual(multiplyCorpus(sources, { count: 500, seed: 7 }), corpus.slice(0, 500));
    assert.notDeepEqual(multiplyCorpus(sources, { count: 2_000, seed: 8 }), corpus);
  });

  it("should refuse counts it cannot make", () => {
    assert.throws(() => multiplyCorpus(sources, { count: -1 }), RangeError);
    assert.throws(() => multiplyCorpus([], { count: 1 }), RangeError);
    assert.deepEqual(multiplyCorpus([], { count: 0 }), []);
  });
});

describe("date helpers", () => {
  it("should shift by whole years, then days, across month and leap-day edges", () => {
    assert.equal(shiftDate("2024-07-16", -20, 0), "2004-07-16");
    assert.equal(shiftDate("2024-07-16", -1, -182), "2023-01-15");
    assert.equal(shiftDate("2024-02-29", -1, 0), "2023-03-01");
    assert.equal(shiftDate("2024-12-31", -3, 1), "2022-01-01");
  });

  it("should find the date line of CNN exports, front matter and plain text", () => {
    assert.equal(dateLineOf("# T\n\nPublished :`2024-07-16 23:37:19`\n"), "2024-07-16");
    assert.equal(dateLineOf("---\ndate: 2021-05-18\n---\nText"), "2021-05-18");
    assert.equal(dateLineOf("Headline\n2021-05-18\n\nText"), "2021-05-18");
    assert.equal(dateLineOf("Text from 2021-05-18 on."), null);
    assert.deepEqual(withShiftedDate("---\ndate: '2021-05-18'\n---\n", -1, 1), {
      text: "---\ndate: '2020-05-19'\n---\n",
      date: "2020-05-19",
    });
  });

  it("should draw the same numbers from the same seed, in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 1_000 }, () => a());
    assert.deepEqual(
      draws,
      Array.from({ length: 1_000 }, () => b()),
    );
    assert.ok(draws.every((x) => x >= 0 && x < 1));
    assert.ok(new Set(draws).size > 990);
  });
});
