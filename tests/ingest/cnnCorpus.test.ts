// Every real CNN article in ../shared/corpus/cnn must come out with the date
// of its `Published :` line and the headline of its `# ` line, none dropped.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { TextDecoder } from "node:util";
import { ingestSeeds } from "../../src/ingest/ingestSeeds.ts";
import { readSeedFiles } from "../../src/ingest/readSeedFiles.ts";
import { TEST_OPTIONS } from "../support/articles.ts";
import { CNN_CORPUS } from "../support/paths.ts";

const absent = existsSync(CNN_CORPUS) ? false : `the CNN corpus is not at ${CNN_CORPUS}`;
if (absent) console.log(`# skipping the CNN corpus test: ${absent}`);

describe("the CNN corpus", () => {
  it("should read every article with its Published date and # headline", { skip: absent }, async () => {
    const { seeds } = await readSeedFiles(CNN_CORPUS);
    const { articles, rejected } = ingestSeeds(seeds, TEST_OPTIONS);
    assert.deepEqual(rejected, []);
    assert.equal(articles.length, seeds.length, "an article was dropped");
    assert.ok(seeds.length >= 2959);
    const decoder = new TextDecoder();
    const ids = new Set<string>();
    for (const [index, article] of articles.entries()) {
      const text = decoder.decode(seeds[index]?.bytes);
      const headline = /^# (.*)$/m.exec(text)?.[1];
      const published = /^Published :`(\d{4}-\d\d-\d\d) /m.exec(text)?.[1];
      assert.equal(article.sourceFile, seeds[index]?.file);
      assert.equal(article.title, headline, article.sourceFile);
      assert.equal(article.titleSource, "text", article.sourceFile);
      assert.equal(article.date, published, article.sourceFile);
      assert.equal(article.dateSource?.kind, "text-line", article.sourceFile);
      ids.add(article.id);
    }
    assert.equal(ids.size, articles.length, "ids are unique");
  });
});
