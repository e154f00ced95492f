import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { figuresOf } from "../../src/article.ts";
import { parseArticle } from "../../src/ingest/parseArticle.ts";

const parse = (text: string, file = "story.txt") => parseArticle({ file, text, utf8: true });

describe("parseArticle", () => {
  it("should take title, date, id and dateline from front matter over the text", () => {
    const article = parse("---\ntitle: Talks resume\ndate: 2021-05-20\nid: talks\ndateline: CAIRO\n---\nMay 18, 2021\n\nText here.\n", "x.md");
    assert.equal(article.title, "Talks resume");
    assert.equal(article.titleSource, "front-matter");
    assert.equal(article.date, "2021-05-20");
    assert.deepEqual(article.dateSource, { kind: "front-matter", text: "2021-05-20" });
    assert.equal(article.id, "talks");
    assert.equal(article.dateline, "CAIRO");
  });

  it("should read a Markdown `# Headline` as the title", () => {
    const article = parse("# Ceasefire holds\n\nMay 21, 2021\n\nThe guns fell silent.\n", "c.md");
    assert.equal(article.title, "Ceasefire holds");
    assert.equal(article.titleSource, "text");
    assert.equal(article.date, "2021-05-21");
    assert.deepEqual(article.dateSource, { kind: "text-line", line: 3, text: "May 21, 2021" });
  });

  it("should count lines from the top of the file when there is front matter", () => {
    const article = parse("---\ntitle: T\n---\nMay 18, 2021\n\nBody.\n", "f.md");
    assert.deepEqual(article.dateSource, { kind: "text-line", line: 4, text: "May 18, 2021" });
    assert.equal(article.body[0]?.line, 6);
  });

  it("should publish an undated article with a warning, never a guessed date", () => {
    const article = parse("Just some text.\n");
    assert.equal(article.date, null);
    assert.equal(article.dateSource, null);
    assert.deepEqual(article.diagnostics.map((d) => d.code), ["no-date"]);
    assert.equal(article.title, "Just some text");
  });

  it("should report JavaScript front matter and keep the article", () => {
    const article = parse("---js\n{ title: 'x' }\n---\nMay 18, 2021\n\nBody.\n", "js.md");
    assert.deepEqual(article.diagnostics.map((d) => d.code), ["front-matter-code"]);
    assert.equal(article.date, "2021-05-18");
    assert.equal(article.title, "Body");
  });

  it("should keep an empty file, titled by its name, with a warning", () => {
    const article = parse("", "empty-story.txt");
    assert.equal(article.title, "empty-story");
    assert.deepEqual(article.diagnostics.map((d) => d.code).sort(), ["empty-article", "no-date"]);
  });

  it("should report a file that was not UTF-8", () => {
    const article = parseArticle({ file: "old.txt", text: "May 18, 2021\n\nCaf\u00e9.", utf8: false });
    assert.ok(article.diagnostics.some((d) => d.code === "not-utf8"));
  });

  it("should join hard-wrapped lines into whole paragraphs", () => {
    const article = parse("May 18, 2021\n\nThe talks\nresumed on\nMonday.\n\nSecond.\n");
    assert.deepEqual(article.body.map((b) => (b.kind === "paragraph" ? b.text : "")), ["The talks resumed on Monday.", "Second."]);
    assert.deepEqual(figuresOf(article), []);
  });
});
