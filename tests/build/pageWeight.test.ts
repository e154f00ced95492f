// Issue 8: an article page needs at most 30 KB, HTML and the CSS it links,
// uncompressed, and no script but the search highlight. Built on a long
// article with everything an article page can show after its text: a long
// headline, byline, dateline, figures, thirty named people and places,
// a dozen quotations, copies of the same story and related coverage; the
// longer the article, the fewer of them its page lists.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildSite } from "../../src/build.ts";
import { ARTICLE_PAGE_BUDGET, articlePageWeights, overBudget, type PageWeight } from "../../src/bench/pageWeight.ts";

/**
 * Bytes of the fixture article's text as HTML (`.article-body`): as long as
 * the longest CNN article (23.1 KB), which lists the fewest entities,
 * quotations and related articles after it (src/archive/articleExtras.ts).
 * The weight benchmark, `npm run bench:weight`, measures a whole built site.
 */
const TEXT_BYTES = 23_000;

const PEOPLE = ["Joe Biden", "Kamala Harris", "Jon Tester", "Sherrod Brown", "Bob Casey", "Tammy Baldwin", "Ted Cruz", "Colin Allred"];
const PLACES = ["Texas", "Ohio", "Montana", "Michigan", "Pennsylvania", "Wisconsin", "Maryland", "Arizona", "Nevada", "Florida"];

function longArticle(date: string): string {
  const paragraphs = [
    "WASHINGTON – Democrats faced a challenging path to holding their Senate majority this summer, and the ten races below decide it.",
    "Sen. Jon Tester speaks at a rally in Great Falls, Montana, on July 12, 2024.\nWilliam Campbell | Getty Images",
  ];
  // Each paragraph becomes <p>…</p> and a line break.
  const htmlBytes = () => Buffer.byteLength(paragraphs.join("")) + 8 * paragraphs.length;
  for (let i = 0; htmlBytes() < TEXT_BYTES; i++) {
    const person = PEOPLE[i % PEOPLE.length] ?? "";
    const place = PLACES[i % PLACES.length] ?? "";
    const other = PLACES[(i + 3) % PLACES.length] ?? "";
    paragraphs.push(
      i % 3 === 0
        ? `“We are going to keep working for the voters of ${place} every single day until November,” ${person} said at an event in ${other}.`
        : `${person} raised more money than any challenger in ${place} during the second quarter, while the race in ${other} tightened as outside groups spent heavily on advertising about the economy, the border and abortion rights across the state.`,
    );
  }
  return [
    "The 10 Senate seats most likely to flip in 2024, ranked by the state of each race after the summer conventions",
    date,
    "By Alexandra Example and Jordan Sample",
    "",
    paragraphs.join("\n\n"),
    "",
  ].join("\n");
}

const OTHER = `Harris campaigns in Michigan and Wisconsin
July 30, 2024

Kamala Harris campaigned in Michigan and Wisconsin on Tuesday, where Tammy Baldwin and the Senate race in Pennsylvania drew crowds and money, and Bob Casey joined her in Ohio and Montana.
`;

let weights: PageWeight[] = [];

before(async () => {
  const root = await mkdtemp(join(tmpdir(), "clippings-weight-"));
  const seedsDir = join(root, "seeds");
  await mkdir(seedsDir);
  // The same story saved on three days, and another on the same people.
  for (const day of [26, 27, 28]) await writeFile(join(seedsDir, `senate-2024-07-${day}.txt`), longArticle(`July ${day}, 2024`));
  await writeFile(join(seedsDir, "harris-2024-07-30.txt"), OTHER);
  const outDir = join(root, "site");
  await buildSite({ seedsDir, outDir });
  weights = await articlePageWeights(outDir);
});

describe("the weight of an article page", () => {
  it("should be built on an article as long as the longest CNN one", () => {
    const heaviest = weights[0];
    assert.ok(heaviest);
    assert.ok(heaviest.bodyBytes >= TEXT_BYTES, `the article text is only ${heaviest.bodyBytes} bytes`);
  });

  it("should keep every article page, HTML and linked CSS, within 30 KB", () => {
    for (const weight of weights) assert.ok(weight.totalBytes <= ARTICLE_PAGE_BUDGET, overBudget(weight) ?? "");
    assert.ok(weights.every((weight) => weight.stylesheets.length > 0 && weight.cssBytes > 0));
  });

  it("should load no script but the search highlight", () => {
    for (const weight of weights) assert.deepEqual(weight.scripts, ["/assets/highlight.js"], weight.page);
  });
});
