// A calendar date must not move with the machine's clock: the same seeds,
// built on either side of the date line, or twice, give the same bytes.
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { runBuild } from "../support/runBuild.ts";

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

describe("time zones", () => {
  it("should build byte-identical sites under America/Los_Angeles, Asia/Tokyo and Pacific/Kiritimati, and on a rebuild", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-tz-"));
    const sites = [];
    for (const [index, zone] of ["America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati", "America/Los_Angeles"].entries()) {
      const out = join(dir, `${index}-${zone.replace("/", "_")}`);
      const result = runBuild(["--out", out], { TZ: zone });
      assert.equal(result.status, 0, result.stderr);
      sites.push(await snapshot(out));
    }
    const [west, ...others] = sites as [Map<string, Buffer>, ...Array<Map<string, Buffer>>];
    for (const other of others) {
      assert.deepEqual([...west.keys()].sort(), [...other.keys()].sort());
      for (const [file, bytes] of west) assert.ok(bytes.equals(other.get(file) as Buffer), `${file} differs`);
    }
    const article = west.get(join("articles", "000_dc7d486012497c1e", "index.html"))?.toString("utf8") ?? "";
    assert.match(article, /<time datetime="2021-05-18"[^>]*>18 May 2021<\/time>/);
  });
});
