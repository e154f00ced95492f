// The linker thread that carries unchanged pages and search shards from the
// previous site into the new one.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { startFileLinker } from "../../src/fileLinker.ts";

describe("the file linker", () => {
  it("should link each file into folders it makes, in batches, and name the targets it could not make", async () => {
    const work = await mkdtemp(join(tmpdir(), "clippings-linker-"));
    await mkdir(join(work, "old", "a"), { recursive: true });
    await writeFile(join(work, "old", "a", "index.html"), "page a");
    await writeFile(join(work, "old", "b.json"), "{}");
    const linker = startFileLinker();
    linker.link([[join(work, "old", "a", "index.html"), join(work, "new", "deep", "a", "index.html")]]);
    linker.link([
      [join(work, "old", "b.json"), join(work, "new", "b.json")],
      [join(work, "old", "gone.html"), join(work, "new", "gone.html")],
    ]);
    assert.deepEqual(await linker.finish(), [join(work, "new", "gone.html")]);
    assert.equal(await readFile(join(work, "new", "deep", "a", "index.html"), "utf8"), "page a");
    // A link, not a copy: the same file.
    assert.equal((await stat(join(work, "new", "b.json"))).ino, (await stat(join(work, "old", "b.json"))).ino);
  });

  it("should finish at once when given nothing", async () => {
    assert.deepEqual(await startFileLinker().finish(), []);
  });
});
