import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { startFileWriter } from "../../src/prepare/fileWriter.ts";

const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());

describe("startFileWriter", () => {
  it("should write each file whole in its folder, replacing what was there, and leave no temporary file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-writer-"));
    writeFileSync(join(dir, "old.json"), "old");
    const writer = startFileWriter();
    const bytes = (n: number) => Buffer.from(`entry ${n} `.repeat(1_000));
    for (let n = 0; n < 40; n++) writer.write(join(dir, `f${n % 4}`, `${n}.json`), bytes(n));
    writer.write(join(dir, "old.json"), Buffer.from("new"));
    await writer.finish();
    for (let n = 0; n < 40; n++) assert.deepEqual(readFileSync(join(dir, `f${n % 4}`, `${n}.json`)), bytes(n));
    assert.equal(readFileSync(join(dir, "old.json"), "utf8"), "new");
    assert.equal(filesUnder(dir).length, 41);
  });

  it("should write while this thread is busy, without waiting for its event loop", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-writer-"));
    const writer = startFileWriter();
    const paths = Array.from({ length: 20 }, (_, n) => join(dir, `${n}.json`));
    for (const path of paths) writer.write(path, Buffer.from(path));
    // This thread never yields in this loop: only another thread can write the files.
    const deadline = Date.now() + 30_000;
    while (!paths.every((path) => existsSync(path)) && Date.now() < deadline);
    assert.ok(
      paths.every((path) => existsSync(path)),
      "every file written before this thread yielded",
    );
    await writer.finish();
  });

  it("should drop a write it cannot make, leaving nothing behind, and go on with the others", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-writer-"));
    writeFileSync(join(dir, "a-file"), "not a folder");
    const writer = startFileWriter();
    writer.write(join(dir, "a-file", "entry.json"), Buffer.from("lost"));
    writer.write(join(dir, "kept.json"), Buffer.from("kept"));
    await writer.finish();
    assert.equal(readFileSync(join(dir, "kept.json"), "utf8"), "kept");
    assert.deepEqual(
      filesUnder(dir)
        .map((entry) => entry.name)
        .sort(),
      ["a-file", "kept.json"],
    );
  });
});
