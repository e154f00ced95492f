// Table-driven ingest fixtures: each folder under tests/fixtures/ingest/ holds
// one or more input files and `expected.json`, the records and diagnostics
// ingest must produce for them. `UPDATE=1 npm test` rewrites the expected
// files from the current output; review the diff before committing it.
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { figuresOf, paragraphsOf, type Article } from "../../src/article.ts";
import type { Diagnostic } from "../../src/diagnostics.ts";
import { ingestSeeds } from "../../src/ingest/ingestSeeds.ts";
import { readSeedFiles } from "../../src/ingest/readSeedFiles.ts";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { TEST_OPTIONS } from "../support/articles.ts";

const FIXTURES = join(PROJECT_ROOT, "tests", "fixtures", "ingest");
const EXPECTED = "expected.json";
/** Per-fixture ingest settings, beside the input files. */
const OPTIONS = "options.json";

/** What a fixture pins down: every field of the record, body text shortened. */
function summarise(article: Article) {
  const short = (text: string) => (text.length > 120 ? `${text.slice(0, 100)}… (${text.length} chars)` : text);
  return {
    file: article.sourceFile,
    id: article.id,
    title: article.title,
    titleSource: article.titleSource,
    date: article.date,
    dateSource: article.dateSource,
    updated: article.updated,
    dateline: article.dateline,
    byline: article.byline,
    tags: article.tags,
    summary: article.summary,
    source: article.source,
    lead: short(article.lead),
    paragraphs: paragraphsOf(article).map((p) => short(p.text)),
    figures: figuresOf(article).map((f) => ({ caption: short(f.caption), credit: f.credit })),
    words: article.words,
    dateConflict: article.dateConflict,
    diagnostics: article.diagnostics.map(brief),
  };
}

function brief(d: Diagnostic) {
  return { level: d.level, code: d.code, file: d.file, line: d.line ?? null };
}

const cases = (await readdir(FIXTURES, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("ingest fixtures", () => {
  it("should have fixtures to run", () => assert.ok(cases.length > 0));

  for (const name of cases) {
    it(`should read ${name} as expected`, async () => {
      const folder = join(FIXTURES, name);
      const extra = await readFile(join(folder, OPTIONS), "utf8").then(
        (text) => JSON.parse(text) as object,
        () => ({}),
      );
      const { seeds, diagnostics } = await readSeedFiles(folder);
      const first = ingestSeeds(seeds, { ...TEST_OPTIONS, ...extra });
      const actual = {
        articles: first.articles.map(summarise),
        rejected: first.rejected.map(brief),
        skipped: diagnostics.filter((d) => d.file !== EXPECTED && d.file !== OPTIONS).map(brief),
      };
      assert.deepEqual(ingestSeeds(seeds, { ...TEST_OPTIONS, ...extra }), first, "the same input gives the same records");
      if (process.env["UPDATE"] === "1") {
        await writeFile(join(folder, EXPECTED), `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      const expected = JSON.parse(await readFile(join(folder, EXPECTED), "utf8"));
      assert.deepEqual(actual, expected);
    });
  }
});
