// The related coverage's term memory kept in the cache folder between builds.
import assert from "node:assert/strict";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { TermMemoryWriter } from "../../src/archive/termMemory.ts";
import { readTermMemory, termRecall, writeTermMemory } from "../../src/prepare/termMemoryCache.ts";

describe("the term memory in the cache folder", () => {
  it("should read back what it kept, and nothing from a missing or damaged file", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "clippings-terms-")), "cache");
    assert.equal(await readTermMemory(dir), null, "no file: no memory");
    const writer = new TermMemoryWriter();
    writer.add("first", [2, 0], [3, 1]);
    // The same story saved twice: one entry, or the entries read back would not line up with their terms.
    writer.add("first", [2, 0], [3, 1]);
    writer.add("second", [1], [4]);
    const memory = writer.finish(["volcano", "lava", "grindavik"]);
    assert.deepEqual(
      [...memory.entries],
      [
        ["first", 0],
        ["second", 1],
      ],
    );
    await writeTermMemory(dir, memory);
    assert.deepEqual(await readTermMemory(dir), memory);
    assert.deepEqual(await readdir(dir), ["related-terms.bin"], "written aside and renamed: no temporary file left");
    await writeFile(join(dir, "related-terms.bin"), "not a memory");
    assert.equal(await readTermMemory(dir), null);
  });

  it("should hand a build the last build's memory, and keep the one it hands on when saved", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-terms-"));
    const first = await termRecall(dir);
    assert.equal(first.previous, null);
    const writer = new TermMemoryWriter();
    writer.add("text", [0], [2]);
    const memory = writer.finish(["ceasefire"]);
    first.keep(memory);
    await first.save();
    assert.deepEqual((await termRecall(dir)).previous, memory);
  });
});
