import assert from "node:assert/strict";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { holdsOn, openArticleCache } from "../../src/prepare/articleCache.ts";
import { prepareSeed, type PreparedSeed } from "../../src/prepare/prepareSeed.ts";

const seed = (text: string, file = "2021-05-18-talks.txt") => ({ file, bytes: new TextEncoder().encode(text) });
const TEXT = "Talks resume in Cairo\n\nMay 18, 2021\n\nMediators from Egypt met Hamas and Israeli officials in Cairo on Tuesday.\n";
const options = { today: "2024-01-01" };
const tempDir = () => mkdtemp(join(tmpdir(), "clippings-cache-"));

async function roundTrip(dir: string, version: string, text: string, prepared?: PreparedSeed) {
  const cache = await openArticleCache(dir, version, options);
  const key = cache.keyOf(seed(text));
  const before = cache.read(key);
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
});
