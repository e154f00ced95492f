// Seed files remembered by their stats between builds (seedStats.ts): a
// file is taken as unchanged only when nothing about it moved, and only
// when it was last changed well before the last build looked at it.
import assert from "node:assert/strict";
import type { Stats } from "node:fs";
import { cp, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { prepareFolder } from "../../src/prepare/prepareFolder.ts";
import { openSeedStats } from "../../src/prepare/seedStats.ts";
import { SEEDS_DIR } from "../support/paths.ts";

/** A folder with one file, remembered by a build that looked at it `after` ms after it was written. */
async function rememberedFile(after: number) {
  const dir = await mkdtemp(join(tmpdir(), "clippings-stats-"));
  const file = "a.txt";
  await writeFile(join(dir, file), "Talks resume");
  const stats = await stat(join(dir, file));
  const build = await openSeedStats(dir, Date.now() + after);
  assert.equal(build.keyOf(file, stats), undefined, "nothing is remembered yet");
  await build.save(new Map([[file, "key of a"]]));
  return { dir, file, stats };
}

/** The stats with some changed: what `keyOf` compares is all in their own fields. */
const changed = (stats: Stats, change: Partial<Stats>): Stats => ({ ...stats, ...change });

describe("seedStats", () => {
  it("should give back a file's key while nothing about it changed", async () => {
    const { dir, file, stats } = await rememberedFile(10_000);
    const next = await openSeedStats(dir);
    assert.equal(next.keyOf(file, stats), "key of a");
    for (const change of [{ size: stats.size + 1 }, { mtimeMs: stats.mtimeMs + 1 }, { ctimeMs: stats.ctimeMs + 1 }, { ino: stats.ino + 1 }])
      assert.equal(next.keyOf(file, changed(stats, change)), undefined, JSON.stringify(change));
    assert.equal(next.keyOf("b.txt", stats), undefined, "another file");
  });

  it("should not trust a file changed just before the build that remembered it looked", async () => {
    const { dir, file, stats } = await rememberedFile(0);
    assert.equal((await openSeedStats(dir)).keyOf(file, stats), undefined);
  });

  it("should let a build skip reading the files it remembers, and read the one edited since", async () => {
    const seedsDir = join(await mkdtemp(join(tmpdir(), "clippings-stats-")), "seeds");
    const cacheDir = await mkdtemp(join(tmpdir(), "clippings-cache-"));
    await cp(SEEDS_DIR, seedsDir, { recursive: true });
    const options = { today: "2024-01-01" };
    // The first build must look well after the files were written.
    await sleep(2_100);
    const first = await prepareFolder(seedsDir, options, { cacheDir });
    const [edited, ...others] = first.folder.seeds.map((seed) => seed.file);
    assert.ok(edited !== undefined && others.length > 0);
    await writeFile(join(seedsDir, edited), `${await readFile(join(seedsDir, edited), "utf8")}\nA line added.\n`);
    const second = await prepareFolder(seedsDir, options, { cacheDir });
    const deferred = second.folder.seeds.filter((seed) => Object.getOwnPropertyDescriptor(seed, "bytes")?.get !== undefined);
    assert.deepEqual(
      deferred.map((seed) => seed.file),
      others,
    );
    assert.equal(second.cached, others.length);
    assert.deepEqual(second.articles, (await prepareFolder(seedsDir, options)).articles);
  });
});
