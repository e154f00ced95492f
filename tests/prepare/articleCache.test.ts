import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { holdsOn, openArticleCache, openPack, PACK_FILE, PACK_STALE_SHARE } from "../../src/prepare/articleCache.ts";
import { prepareSeed, type PreparedSeed } from "../../src/prepare/prepareSeed.ts";

const seed = (text: string, file = "2021-05-18-talks.txt") => ({ file, bytes: new TextEncoder().encode(text) });
const TEXT = "Talks resume in Cairo\n\nMay 18, 2021\n\nMediators from Egypt met Hamas and Israeli officials in Cairo on Tuesday.\n";
const options = { today: "2024-01-01" };
const tempDir = () => mkdtemp(join(tmpdir(), "clippings-cache-"));
const keysFrom = (first: number, count: number) =>
  Array.from({ length: count }, (_, index) =>
    createHash("sha256")
      .update(String(first + index))
      .digest("hex"),
  );

/** A build of the cache: reads `keys`, writes what it missed as `prepared`, and says how many it hit. */
async function build(dir: string, keys: readonly string[], prepared: PreparedSeed): Promise<number> {
  const cache = await openArticleCache(dir, "v1", options);
  const found = cache.readAll(keys);
  found.forEach((entry, index) => entry === null && cache.write(keys[index] as string, prepared));
  await cache.close();
  return found.filter((entry) => entry !== null).length;
}

/** Removes every entry's own file, leaving the pack. */
async function removeEntryFiles(dir: string): Promise<void> {
  const folder = join(dir, "articles", "v1");
  for (const name of await readdir(folder)) if (name.length === 2) await rm(join(folder, name), { recursive: true });
}

async function roundTrip(dir: string, version: string, text: string, prepared?: PreparedSeed) {
  const cache = await openArticleCache(dir, version, options);
  const key = cache.keyOf(seed(text));
  const [before] = cache.readAll([key]);
  if (prepared !== undefined) cache.write(key, prepared);
  await cache.close();
  return { key, before };
}

describe("articleCache", () => {
  const prepared = prepareSeed(seed(TEXT), options);

  it("should give back what was written, for the same file, bytes and code", async () => {
    const dir = await tempDir();
    assert.equal((await roundTrip(dir, "v1", TEXT, prepared)).before, null, "a new cache misses");
    const { before } = await roundTrip(dir, "v1", TEXT);
    assert.deepEqual(before, prepared);
  });

  it("should miss when the file's content changes", async () => {
    const dir = await tempDir();
    const first = await roundTrip(dir, "v1", TEXT, prepared);
    const edited = await roundTrip(dir, "v1", TEXT.replace("Tuesday", "Wednesday"));
    assert.notEqual(edited.key, first.key);
    assert.equal(edited.before, null);
  });

  it("should miss when the file is renamed, since ids and dates can come from its name", async () => {
    const dir = await tempDir();
    const cache = await openArticleCache(dir, "v1", options);
    assert.notEqual(cache.keyOf(seed(TEXT)), cache.keyOf(seed(TEXT, "other.txt")));
    assert.notEqual(
      cache.keyOf(seed(TEXT)),
      (await openArticleCache(dir, "v1", { ...options, numericDates: "day-first" })).keyOf(seed(TEXT)),
    );
    await cache.close();
  });

  it("should miss when the code's version changes, and drop the older version's entries", async () => {
    const dir = await tempDir();
    await roundTrip(dir, "v1", TEXT, prepared);
    const { before } = await roundTrip(dir, "v2", TEXT);
    assert.equal(before, null);
    assert.deepEqual(await readdir(join(dir, "articles")), ["v2"]);
  });

  it("should treat an unreadable entry as a miss", async () => {
    const dir = await tempDir();
    const { key } = await roundTrip(dir, "v1", TEXT, prepared);
    await writeFile(join(dir, "articles", "v1", key.slice(0, 2), `${key}.json`), "{ truncated");
    await rm(join(dir, "articles", "v1", PACK_FILE));
    assert.equal((await roundTrip(dir, "v1", TEXT)).before, null);
  });

  it("should keep an entry on another day unless the article's date is after one of the two days", () => {
    assert.ok(prepared.ok);
    const dated = (date: string | null): PreparedSeed => ({ ...prepared, article: { ...prepared.article, date } });
    assert.equal(holdsOn(dated("2021-05-18"), "2024-01-01", "2024-01-02"), true);
    assert.equal(holdsOn(dated(null), "2024-01-01", "2024-01-02"), true);
    assert.equal(holdsOn(dated("2024-01-02"), "2024-01-01", "2024-01-02"), false, "FUTURE_DATE on the first day, not the second");
    assert.equal(holdsOn(dated("2030-01-01"), "2024-01-01", "2024-01-02"), false, "the warning names the build date");
    assert.equal(holdsOn(dated("2030-01-01"), "2024-01-01", "2024-01-01"), true);
  });

  it("should keep a build's entries in one pack, read whole by the next build", async () => {
    const dir = await tempDir();
    const keys = keysFrom(0, 30);
    assert.equal(await build(dir, keys, prepared), 0);
    await removeEntryFiles(dir);
    const cache = await openArticleCache(dir, "v1", options);
    assert.deepEqual(
      cache.readAll(keys),
      keys.map(() => prepared),
      "every entry from the pack alone",
    );
    await cache.close();
  });

  it(`should write the pack again only when more than ${PACK_STALE_SHARE * 100}% of a build's entries are missing from it or unused`, async () => {
    const dir = await tempDir();
    const pack = join(dir, "articles", "v1", PACK_FILE);
    const keys = keysFrom(0, 100);
    await build(dir, keys, prepared);
    const written = await stat(pack);
    // One new entry in 101: it gets its own file, and the pack stays as it was.
    assert.equal(await build(dir, [...keys, ...keysFrom(100, 1)], prepared), 100);
    assert.equal((await stat(pack)).ino, written.ino, "the pack is not written again");
    await removeEntryFiles(dir);
    assert.equal(await build(dir, [...keys, ...keysFrom(100, 1)], prepared), 100, "the new entry was in its own file only");
    // That entry (in its own file again) and three new ones: 4 of 104 from elsewhere.
    assert.equal(await build(dir, [...keys, ...keysFrom(100, 4)], prepared), 101);
    assert.notEqual((await stat(pack)).ino, written.ino, "the pack is written again");
    await removeEntryFiles(dir);
    assert.equal(await build(dir, [...keys, ...keysFrom(100, 4)], prepared), 104, "the new pack holds the build's every entry");
    // Entries a build no longer has leave the pack when it is next written.
    await build(dir, keysFrom(100, 4), prepared);
    await removeEntryFiles(dir);
    assert.equal(await build(dir, keys.slice(0, 1), prepared), 0);
  });

  it("should read a pack's entries through windows smaller than the pack, in any order", async () => {
    const dir = await tempDir();
    const keys = keysFrom(0, 12);
    await build(dir, keys, prepared);
    const path = join(dir, "articles", "v1", PACK_FILE);
    const whole = await readFile(path);
    const entrySize = JSON.stringify({ today: options.today, prepared }).length;
    // Windows of about two entries and a half: entries cross their ends, and the index is longer than one.
    const pack = openPack(path, Math.round(entrySize * 2.5));
    assert.ok(pack !== null);
    assert.deepEqual([...pack.spans.keys()].sort(), [...keys].sort());
    const spans = [...pack.spans.values()];
    for (const order of [spans, [...spans].reverse()])
      for (const [start, length] of order) assert.deepEqual(pack.read(start, length), whole.subarray(start, start + length));
    assert.equal(pack.read(whole.length - 2, 5), null, "past the end");
    pack.close();
  });

  it("should read the entries' own files when the pack is damaged", async () => {
    const dir = await tempDir();
    const keys = keysFrom(0, 10);
    await build(dir, keys, prepared);
    const pack = join(dir, "articles", "v1", PACK_FILE);
    const size = (await readFile(pack)).length;
    for (const damage of [() => truncate(pack, size - 5), () => writeFile(pack, "0".repeat(40)), () => truncate(pack, 3)]) {
      await damage();
      const cache = await openArticleCache(dir, "v1", options);
      assert.deepEqual(
        cache.readAll(keys),
        keys.map(() => prepared),
      );
      await cache.close();
    }
  });
});
