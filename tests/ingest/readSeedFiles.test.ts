import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readSeedFiles, SeedsFolderError } from "../../src/ingest/readSeedFiles.ts";

describe("readSeedFiles", () => {
  it("should read article files in byte order, recursively, and list what it skipped", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-seeds-"));
    await mkdir(join(dir, "2021"));
    await writeFile(join(dir, "b.txt"), "B");
    await writeFile(join(dir, "2021", "a.md"), "A");
    await writeFile(join(dir, "photo.jpg"), "");
    await writeFile(join(dir, ".hidden.txt"), "H");
    await writeFile(join(dir, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    const { seeds, skipped } = await readSeedFiles(dir);
    assert.deepEqual(seeds.map((seed) => seed.file), ["2021/a.md", "b.txt", "latin1.txt"]);
    assert.deepEqual(skipped, ["photo.jpg"]);
    const latin1 = seeds.find((seed) => seed.file === "latin1.txt");
    assert.deepEqual({ text: latin1?.text, utf8: latin1?.utf8 }, { text: "Café", utf8: false });
  });

  it("should fail clearly on a missing or empty folder", async () => {
    const empty = await mkdtemp(join(tmpdir(), "clippings-empty-"));
    await assert.rejects(readSeedFiles(join(empty, "nope")), (error: Error) => error instanceof SeedsFolderError && /does not exist/.test(error.message));
    await assert.rejects(readSeedFiles(empty), (error: Error) => error instanceof SeedsFolderError && /no article files/.test(error.message));
  });
});
