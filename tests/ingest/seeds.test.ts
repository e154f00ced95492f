// The two seed articles are the archive's default content: every point the
// project promises about them is checked here, on the files themselves.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { figuresOf, paragraphsOf, type Article } from "../../src/article.ts";
import { MAX_DERIVED_HEADLINE } from "../../src/ingest/headline.ts";
import { parse } from "../support/articles.ts";
import { SEED_000, SEED_003, SEEDS_DIR } from "../support/paths.ts";

async function parseSeed(file: string): Promise<{ article: Article; text: string }> {
  const text = await readFile(join(SEEDS_DIR, file), "utf8");
  return { article: parse(text, file), text };
}

function assertDerivedTitle(article: Article): void {
  assert.equal(article.titleSource, "derived");
  assert.ok(article.title.length <= MAX_DERIVED_HEADLINE, `title too long: ${article.title.length}`);
  const words = article.title.replace(/…$/, "").split(" ");
  assert.deepEqual(words, article.lead.split(" ").slice(0, words.length), "title is not the lead sentence cut at a word boundary");
}

describe(`seed ${SEED_000}`, async () => {
  const { article, text } = await parseSeed(SEED_000);

  it("should be dated 2021-05-18 from its `date` prefix on line 1", () => {
    assert.equal(article.date, "2021-05-18");
    assert.deepEqual(article.dateSource, { kind: "text-line", line: 1, text: "date 2021-05-18" });
  });

  it("should keep the rest of the date line as the first paragraph", () => {
    const first = paragraphsOf(article)[0];
    assert.ok(first?.text.startsWith("President Joe Biden and aides worked behind the scenes"), first?.text);
    assert.ok(!first?.text.includes("2021-05-18"));
  });

  it("should derive its title from the lead sentence", () => {
    assert.ok(article.lead.startsWith("President Joe Biden and aides"));
    assert.ok(article.lead.endsWith("news organisations."));
    assertDerivedTitle(article);
  });

  it("should have no dateline, no figures and no warnings", () => {
    assert.equal(article.dateline, null);
    assert.deepEqual(figuresOf(article), []);
    assert.deepEqual(article.diagnostics, []);
    assert.equal(article.dateConflict, null);
  });

  it("should keep every word of the text", () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const kept = paragraphsOf(article).flatMap((paragraph) => words(paragraph.text));
    assert.deepEqual(
      kept,
      words(text).filter((word) => word !== "date" && word !== "2021-05-18"),
    );
  });
});

describe(`seed ${SEED_003}`, async () => {
  const { article } = await parseSeed(SEED_003);

  it("should keep its stated date, 2023-09-28, from its first line", () => {
    assert.equal(article.date, "2023-09-28");
    assert.deepEqual(article.dateSource, { kind: "text-line", line: 1, text: "September 28, 2023" });
  });

  it("should open with the dateline WASHINGTON, taken out of the first paragraph", () => {
    assert.equal(article.dateline, "WASHINGTON");
    assert.ok(paragraphsOf(article)[0]?.text.startsWith("President Joe Biden told Israeli Prime Minister"));
    assert.ok(!article.lead.includes("WASHINGTON"));
  });

  it("should have three figures with captions and credits, none left as body paragraphs", () => {
    const figures = figuresOf(article);
    assert.deepEqual(
      figures.map((figure) => figure.credit),
      ["Sebastian Scheiner | Reuters", "Mohammed Salem | Reuters", "Ashraf Amra | Anadolu Agency | Getty Images"],
    );
    assert.ok(figures[0]?.caption.startsWith("Israeli Prime Minister Benjamin Netanyahu gestures"));
    assert.ok(figures[1]?.caption.startsWith("Smoke rises after an Israeli air strike"));
    assert.ok(figures[2]?.caption.startsWith("People look at an unexploded missile"));
    for (const paragraph of paragraphsOf(article)) {
      assert.ok(!paragraph.text.includes("|"), `credit left in the body: ${paragraph.text}`);
      assert.ok(!figures.some((figure) => figure.caption === paragraph.text), "caption repeated as a paragraph");
    }
  });

  it("should report that its text points to May 2021, with the dates it found", () => {
    assert.deepEqual(article.dateConflict, {
      statedDate: "2023-09-28",
      textDates: ["2021-05-18", "2021-05-19"],
      suggestedDate: "2021-05-19",
    });
    assert.equal(article.diagnostics.length, 1);
    const [warning] = article.diagnostics;
    assert.equal(warning?.code, "DATE_CONFLICT");
    assert.equal(warning?.level, "warning");
    assert.equal(warning?.line, 1);
    assert.equal(warning?.file, SEED_003);
    assert.match(warning?.message ?? "", /2021-05-18/);
    assert.match(warning?.message ?? "", /2021-05-19/);
    assert.match(warning?.message ?? "", /suggests 2021-05-19/);
  });

  it("should derive its title from the lead sentence, without the dateline", () => {
    assert.ok(article.lead.startsWith("President Joe Biden told"));
    assertDerivedTitle(article);
  });
});
