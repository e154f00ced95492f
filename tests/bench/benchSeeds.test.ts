import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { addOneSeed, editOneSeed, undoChanges } from "../../src/bench/benchSeeds.ts";
import { dateLineOf } from "../../src/bench/corpusMultiplier.ts";

const ARTICLE = "# Port reopens after storm\n\nPublished :`2021-03-04 10:00:00`\n\n---\n\nThe port reopened on Thursday.\n";

describe("benchmark seed changes", () => {
  it("should edit the first file in name order, and add a copy of it dated the day given, its headline marked", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-bench-seeds-"));
    await writeFile(join(dir, "b.md"), ARTICLE);
    await writeFile(join(dir, "c.md"), ARTICLE.replace("2021-03-04", "2024-07-30"));

    assert.equal(await editOneSeed(dir), "b.md");
    assert.match(await readFile(join(dir, "b.md"), "utf8"), /Correction: .+\n$/);

    const added = await addOneSeed(dir, "2024-07-30");
    assert.equal(added, "added-b.md");
    assert.deepEqual((await readdir(dir)).sort(), ["added-b.md", "b.md", "c.md"]);
    const text = await readFile(join(dir, added), "utf8");
    assert.equal(dateLineOf(text), "2024-07-30");
    assert.ok(text.startsWith("# Update: Port reopens after storm\n"));
    assert.match(text, /Published :`2024-07-30 10:00:00`/);

    // The bare toolchain then builds what the cold build did.
    await undoChanges(dir, "b.md", added);
    assert.deepEqual((await readdir(dir)).sort(), ["b.md", "c.md"]);
    assert.equal(await readFile(join(dir, "b.md"), "utf8"), ARTICLE);
    await assert.rejects(undoChanges(dir, "b.md", null), /does not end with the correction/);
  });
});
