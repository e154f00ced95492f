// An archive too large for one machine: the pages are built once without an
// index, each shard is indexed on its own machine from a copy of them, and
// the shards are put together and listed (README, "Search index shards").
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSite } from "../../src/build.ts";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { assembleIndex, indexArticles, readPlan, SearchIndexError } from "../../src/search/indexArticles.ts";
import { readIndexedPages, readShards } from "../support/pagefindIndex.ts";

const FIXTURE_DIR = join(PROJECT_ROOT, "tests", "fixtures", "search");

describe("shards indexed on several machines", () => {
  it("should give the same index as one build, and refuse to assemble while a shard is missing", async () => {
    const work = await mkdtemp(join(tmpdir(), "clippings-distributed-"));
    const whole = join(work, "whole");
    const pages = join(work, "pages");
    await buildSite({ seedsDir: FIXTURE_DIR, outDir: whole, shardPages: 3 });
    const built = await buildSite({ seedsDir: FIXTURE_DIR, outDir: pages, shardPages: 3, searchIndex: false });
    assert.equal(built.indexedPages, 0);
    assert.deepEqual(await readdir(join(pages, "pagefind")), ["plan.json"]);

    const plan = await readPlan(pages);
    assert.deepEqual(
      plan.map((shard) => shard.id),
      ["2021-05-18", "2021", "2020", "2019"],
    );
    // One machine per shard, each with its own copy of the pages.
    for (const shard of plan) {
      const machine = join(work, `machine-${shard.id}`);
      await cp(pages, machine, { recursive: true });
      const result = await indexArticles(machine, await readPlan(machine), { only: [shard.id] });
      assert.deepEqual(
        result.shards.map((indexed) => indexed.id),
        [shard.id],
      );
      if (shard.id !== "2019") await cp(join(machine, "pagefind", shard.id), join(pages, "pagefind", shard.id), { recursive: true });
    }
    await assert.rejects(
      assembleIndex(pages),
      (error: unknown) => error instanceof SearchIndexError && /shard "2019" is missing/.test(error.message),
    );

    await cp(join(work, "machine-2019", "pagefind", "2019"), join(pages, "pagefind", "2019"), { recursive: true });
    const assembled = await assembleIndex(pages);
    assert.equal(assembled.indexedPages, 8);
    assert.deepEqual(await readShards(pages), await readShards(whole));
    const text = (site: string) => readIndexedPages(site).then((list) => list.map((page) => [page.url, page.content, page.filters]));
    assert.deepEqual(await text(pages), await text(whole));
    await assert.rejects(indexArticles(pages, plan, { only: ["1999"] }), /no shard "1999"/);
  });
});
