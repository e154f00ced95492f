import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { figuresOf, paragraphsOf } from "../../src/article.ts";
import { parse } from "../support/articles.ts";

const codes = (article: { diagnostics: readonly { code: string }[] }) => article.diagnostics.map((d) => d.code).sort();

describe("parseArticle", () => {
  it("should take every field from front matter over the text", () => {
    const article = parse(
      "---\ntitle: Talks resume\ndate: 2021-05-20\nupdated: 2021-05-21\nid: talks\ndateline: CAIRO\nauthor: [Jane Doe, John Roe]\ntags: [Gaza, ceasefire]\nsummary: Short.\nsource: Reuters\n---\nMay 18, 2021\n\nText here.\n",
      "x.md",
    );
    assert.deepEqual(
      {
        title: article.title,
        titleSource: article.titleSource,
        date: article.date,
        dateSource: article.dateSource,
        updated: article.updated,
        id: article.id,
        dateline: article.dateline,
        byline: article.byline,
        tags: article.tags,
        summary: article.summary,
        source: article.source,
      },
      {
        title: "Talks resume",
        titleSource: "front-matter",
        date: "2021-05-20",
        dateSource: { kind: "front-matter", text: "2021-05-20" },
        updated: "2021-05-21",
        id: "talks",
        dateline: "CAIRO",
        byline: "Jane Doe and John Roe",
        tags: ["Gaza", "ceasefire"],
        summary: "Short.",
        source: "Reuters",
      },
    );
    assert.deepEqual(codes(article), []);
  });

  it("should read a front-matter timestamp as the calendar day in its own zone", () => {
    assert.equal(parse("---\ndate: 2021-05-18T23:30:00-07:00\n---\nText.\n", "t.md").date, "2021-05-18");
    assert.equal(parse("---\ndate: 2021-05-19T01:30:00+09:00\n---\nText.\n", "t.md").date, "2021-05-19");
  });

  it("should report a front-matter field of the wrong shape and go on", () => {
    const article = parse("---\ntitle: [a, b]\ndate: someday\n---\nMay 18, 2021\n\nText.\n", "f.md");
    assert.deepEqual(codes(article), ["FRONT_MATTER_FIELD", "FRONT_MATTER_FIELD"]);
    assert.equal(article.date, "2021-05-18", "the text's date is used instead");
    assert.equal(article.titleSource, "derived");
  });

  it("should read a Markdown `# Headline` and its Published line", () => {
    const article = parse("# Ceasefire holds\n\nPublished :`2024-07-16 23:37:19`\n\n---\n\nThe guns fell silent.\n\n---\n\n", "c.md");
    assert.equal(article.title, "Ceasefire holds");
    assert.equal(article.titleSource, "text");
    assert.deepEqual(article.dateSource, { kind: "text-line", line: 3, text: "Published :`2024-07-16 23:37:19`" });
    assert.deepEqual(
      paragraphsOf(article).map((p) => p.text),
      ["The guns fell silent."],
    );
  });

  it("should keep the updated date on the record and date the article by the published one", () => {
    const article = parse("Headline here\nUpdated: May 20, 2021\nPublished: May 18, 2021\nBy Jane Doe\n\nText.\n");
    assert.equal(article.date, "2021-05-18");
    assert.equal(article.updated, "2021-05-20");
    assert.equal(article.byline, "By Jane Doe");
    assert.equal(article.title, "Headline here");
  });

  it("should count lines from the top of the file when there is front matter", () => {
    const article = parse("---\ntitle: T\n---\nMay 18, 2021\n\nBody.\n", "f.md");
    assert.deepEqual(article.dateSource, { kind: "text-line", line: 4, text: "May 18, 2021" });
    assert.equal(article.body[0]?.line, 6);
  });

  it("should take a date from the file name when the text has none, and say so", () => {
    const article = parse("Text without a date.\n", "2021-05-18-talks.md");
    assert.equal(article.date, "2021-05-18");
    assert.deepEqual(article.dateSource, { kind: "file-name", text: "2021-05-18-talks.md" });
  });

  it("should publish an undated article with a warning, never a guessed date", () => {
    const article = parse("Just some text.\n");
    assert.equal(article.date, null);
    assert.equal(article.dateSource, null);
    assert.deepEqual(codes(article), ["NO_DATE"]);
    assert.equal(article.title, "Just some text");
  });

  it("should not guess an ambiguous numeric date", () => {
    const article = parse("03/04/2021\n\nText.\n");
    assert.equal(article.date, null);
    assert.deepEqual(codes(article), ["AMBIGUOUS_DATE", "NO_DATE"]);
    assert.equal(parse("03/04/2021\n\nText.\n", "a.txt", { today: "2026-01-01", numericDates: "day-first" }).date, "2021-04-03");
  });

  it("should refuse JavaScript front matter, keep the article and run nothing", () => {
    const marker = `clippings_ran_${process.pid}`;
    const article = parse(`---js\n{ title: (globalThis.${marker} = "x") }\n---\nMay 18, 2021\n\nBody.\n`, "js.md");
    assert.deepEqual(codes(article), ["FRONT_MATTER_REFUSED"]);
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
    assert.equal(article.date, "2021-05-18");
    assert.equal(article.title, "Body");
  });

  it("should keep an article with a header but no body, with a warning", () => {
    const article = parse("# CNN\n\nPublished :`2024-07-24 10:00:00`\n\n---\n\n---\n", "cnn.md");
    assert.equal(article.title, "CNN");
    assert.deepEqual(article.body, []);
    assert.deepEqual(codes(article), ["EMPTY_BODY"]);
  });

  it("should join hard-wrapped lines and unescape pandoc escapes in the headline", () => {
    const article = parse("---\ndate: 2021-05-18\n---\nThe \\_talks\\_\nresumed on\nMonday.\n\nSecond.\n", "p.md");
    assert.deepEqual(
      paragraphsOf(article).map((p) => p.text),
      ["The \\_talks\\_ resumed on Monday.", "Second."],
    );
    assert.equal(article.title, "The _talks_ resumed on Monday");
    assert.deepEqual(figuresOf(article), []);
  });

  it("should make an unsafe slug safe and say so", () => {
    const article = parse("---\nslug: ../../etc/passwd\ndate: 2021-05-18\n---\nText.\n", "s.md");
    assert.equal(article.id, "etc-passwd");
    assert.deepEqual(codes(article), ["UNSAFE_ID"]);
  });

  it("should count the words of the body", () => {
    assert.equal(parse("May 18, 2021\n\nOne two three.\n\nFour, five-six.\n").words, 5);
  });
});
