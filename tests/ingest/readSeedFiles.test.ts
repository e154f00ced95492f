import assert from "node:assert/strict";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readSeedFiles, SeedsFolderError } from "../../src/ingest/readSeedFiles.ts";

describe("readSeedFiles", () => {
  it("should read article files in byte order, recursively, and note what it skipped", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-seeds-"));
    await mkdir(join(dir, "2021"));
    await mkdir(join(dir, ".git"));
    await writeFile(join(dir, "b.txt"), "B");
    await writeFile(join(dir, "2021", "a.md"), "A");
    await writeFile(join(dir, "photo.jpg"), "");
    await writeFile(join(dir, ".hidden.txt"), "H");
    await writeFile(join(dir, ".git", "c.txt"), "C");
    await symlink("/etc/hostname", join(dir, "link.txt"));
    const { seeds, diagnostics } = await readSeedFiles(dir);
    assert.deepEqual(
      seeds.map((seed) => [seed.file, Buffer.from(seed.bytes).toString()]),
      [
        ["2021/a.md", "A"],
        ["b.txt", "B"],
      ],
    );
    assert.deepEqual(diagnostics.map((d) => [d.file, d.code, d.level]).sort(), [
      [".git", "HIDDEN_FILE", "note"],
      [".hidden.txt", "HIDDEN_FILE", "note"],
      ["link.txt", "SYMLINK", "note"],
      ["photo.jpg", "NOT_AN_ARTICLE", "note"],
    ]);
  });

  it("should leave a file it is told to defer unread until its bytes are asked for", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-seeds-"));
    await writeFile(join(dir, "a.txt"), "A");
    await writeFile(join(dir, "b.txt"), "B");
    const asked: Array<[string, number]> = [];
    const { seeds } = await readSeedFiles(dir, {
      defer: (file, stats) => {
        asked.push([file, stats.size]);
        return file === "b.txt";
      },
    });
    assert.deepEqual(asked.sort(), [
      ["a.txt", 1],
      ["b.txt", 1],
    ]);
    await writeFile(join(dir, "a.txt"), "changed");
    await writeFile(join(dir, "b.txt"), "read late");
    assert.deepEqual(
      seeds.map((seed) => Buffer.from(seed.bytes).toString()),
      ["A", "read late"],
    );
  });

  it("should fail clearly on a missing or empty folder", async () => {
    const empty = await mkdtemp(join(tmpdir(), "clippings-empty-"));
    await assert.rejects(
      readSeedFiles(join(empty, "nope")),
      (error: Error) => error instanceof SeedsFolderError && /does not exist/.test(error.message),
    );
    await assert.rejects(
      readSeedFiles(empty),
      (error: Error) => error instanceof SeedsFolderError && /no article files/.test(error.message),
    );
  });
});
